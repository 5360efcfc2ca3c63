import { brotliCompressSync, constants } from 'node:zlib';
import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';
import { closure, entryFiles } from './server-files.ts';

/** Kilobytes (Brotli) of JavaScript and CSS that a first visit to a route downloads: the entry and the route's chunks. */
export interface Budget {
  js: number;
  css: number;
}

/**
 * Fails the build when a route's first load outgrows its budget (sizes as sent: Brotli at the level the
 * build's copies use), and prints every route's sizes. Routes without a budget of their own get `default`.
 */
export function budgets(limits: Record<string, Budget> & { default: Budget }): Plugin {
  return {
    name: 'shop:budgets',
    apply: 'build',
    generateBundle(_, bundle) {
      const rows = routeSizes(bundle);
      const over: string[] = [];
      const lines = rows.map(({ route, js, css }) => {
        const limit = limits[route] ?? limits.default;
        const flag = js > limit.js || css > limit.css ? '  OVER BUDGET' : '';
        if (flag) over.push(`${route} (js ${js.toFixed(1)} kB of ${limit.js}, css ${css.toFixed(1)} kB of ${limit.css})`);
        return `  ${route.padEnd(30)} js ${js.toFixed(1).padStart(6)} kB / ${String(limit.js).padStart(3)}   css ${css.toFixed(1).padStart(5)} kB / ${String(limit.css).padStart(3)}${flag}`;
      });
      this.info(`first-load size per route (Brotli), against its budget:\n${lines.join('\n')}`);
      if (over.length) this.error(`Over budget: ${over.join('; ')}. See build/budgets.ts and the budgets in vite.config.ts.`);
    },
  };
}

export function routeSizes(bundle: OutputBundle): { route: string; js: number; css: number }[] {
  const size = (file: string) => {
    const item = bundle[file];
    const content = item.type === 'chunk' ? item.code : item.source;
    return brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length / 1024;
  };
  const sizes = new Map<string, number>();
  const sizeOf = (file: string) => sizes.get(file) ?? sizes.set(file, size(file)).get(file)!;
  const css = (files: Set<string>) =>
    [...new Set([...files].flatMap((file) => [...((bundle[file] as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])]))];
  const entry = entryFiles(bundle);
  return Object.values(bundle)
    .filter((item) => item.type === 'chunk' && item.isDynamicEntry && /\/src\/app\/routes\//.test(item.facadeModuleId ?? ''))
    .map((item) => {
      const route = /\/src\/app\/routes\/(.+)\.tsx$/.exec((item as { facadeModuleId: string }).facadeModuleId)![1];
      const files = new Set([...entry, ...closure(bundle, item.fileName)]);
      return {
        route,
        js: [...files].reduce((sum, file) => sum + sizeOf(file), 0),
        css: css(files).reduce((sum, file) => sum + sizeOf(file), 0),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
