import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Files the shop's server reads from the build (src/Shop.Api/Features/Web/WebBuild.cs), in dist/.shop/, which
 * is never served:
 * - routes.json: each page's chunks and stylesheets beyond those of the entry, by the name of its module
 *   under src/app/routes ("home", "account/account-orders"), so that a page the client draws alone (the cart,
 *   sign-in) loads them with the entry;
 * - texts.json: the client's texts per language, flattened ("home.title"), so that the server writes a
 *   page's title, description and first screen in the client's words.
 */
export function serverFiles(localesDir: string): Plugin {
  return {
    name: 'shop:server-files',
    apply: 'build',
    generateBundle(_, bundle) {
      this.emitFile({ type: 'asset', fileName: '.shop/routes.json', source: JSON.stringify(routeAssets(bundle), null, 1) });
      this.emitFile({ type: 'asset', fileName: '.shop/texts.json', source: JSON.stringify(texts(localesDir)) });
    },
  };
}

export interface RouteAssets {
  js: string[];
  css: string[];
}

const chunks = (bundle: OutputBundle) => Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');

/** A chunk and everything it imports statically, which the browser needs before it runs. */
export function closure(bundle: OutputBundle, fileName: string, seen = new Set<string>()): Set<string> {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) closure(bundle, imported, seen);
  return seen;
}

const cssOf = (bundle: OutputBundle, files: Iterable<string>) =>
  [...files].flatMap((file) => [...((bundle[file] as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])]);

/** The entry's files: index.html loads them already. */
export function entryFiles(bundle: OutputBundle): Set<string> {
  const entry = chunks(bundle).find((chunk) => chunk.isEntry)!;
  return closure(bundle, entry.fileName);
}

/** Each route's own files: its chunk's closure less the entry's. */
export function routeAssets(bundle: OutputBundle): Record<string, RouteAssets> {
  const entry = entryFiles(bundle);
  const entryCss = new Set(cssOf(bundle, entry));
  const routes: Record<string, RouteAssets> = {};
  for (const chunk of chunks(bundle)) {
    const match = chunk.isDynamicEntry ? /\/src\/app\/routes\/(.+)\.tsx$/.exec(chunk.facadeModuleId ?? '') : null;
    if (!match) continue;
    const own = [...closure(bundle, chunk.fileName)].filter((file) => !entry.has(file));
    routes[match[1]] = {
      js: own.map((file) => `/${file}`),
      css: [...new Set(cssOf(bundle, own))].filter((file) => !entryCss.has(file)).map((file) => `/${file}`),
    };
  }
  return routes;
}

/** { "zh-CN": { "home.title": "…" }, "en-US": { … } } from src/locales/<language>/*.json. */
function texts(localesDir: string): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const language of readdirSync(localesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const flat: Record<string, string> = {};
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === 'string') flat[prefix] = node;
      else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
    };
    const dir = path.join(localesDir, language);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), '');
    result[language] = flat;
  }
  return result;
}
