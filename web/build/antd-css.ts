import type { ThemeConfig } from 'antd';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:antd-style/';
const BASE = 'virtual:antd-base.css';

/**
 * antd's component CSS, made at build time and split by component, so that a page loads only the styles of
 * the components it uses, with its own chunk. antd runs with `theme.zeroRuntime` (app/providers/theme.ts) and
 * generates no CSS while rendering.
 *
 * How: every antd export the app imports is rendered once in Node with the app's theme (as
 * @ant-design/static-style-extract renders it), which tells which of antd's style entries it registers
 * (Input registers Input's and Button's, Table registers Spin's and Empty's, ...). Each style entry becomes
 * one CSS module, `virtual:antd-style/<entry>.css`; a source file that imports `{ Button, Card } from 'antd'`
 * gets imports of the entries of Button and Card prepended. Vite then puts each entry's CSS with the chunk of
 * the code that needs it, once. `virtual:antd-base.css` (main.tsx) holds what every component shares.
 *
 * The rules sit in `@layer antd`, so the app's own styles.css wins over them whatever order the chunks'
 * stylesheets arrive in, and above `shop-base` (element defaults such as `a { color: inherit }`). Only the component rules are kept: the token CSS variables stay at run time.
 */
export function antdCss(theme: ThemeConfig): Plugin {
  let styles: Promise<AntdStyles> | undefined;
  const load = () => (styles ??= renderAntdStyles(theme));
  return {
    name: 'shop:antd-css',
    // Component tests render without stylesheets.
    apply: () => !process.env.VITEST,
    resolveId: (id) => (id === BASE || id.startsWith(PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      if (id === `\0${BASE}`) return (await load()).css(BASE_ENTRIES);
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      return (await load()).css([decodeURIComponent(id.slice(PREFIX.length + 1, -'.css'.length))]);
    },
    async transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('.test.')) return undefined;
      const names = antdImports(code);
      // A deep import of one part of a component (antd/es/input/Search) takes that component's styles.
      for (const match of code.matchAll(/from\s+['"]antd\/es\/([a-z-]+)\/[A-Za-z]+['"]/g)) names.push(componentName(match[1]));
      if (callsUseApp(code)) names.push(...USE_APP);
      if (names.length === 0) return undefined;
      const entries = (await load()).entriesOf(names);
      const imports = entries.map((entry) => `import '${PREFIX}${encodeURIComponent(entry)}.css';`).join('\n');
      return { code: `${imports}\n${code}`, map: null };
    },
  };
}

/** Style entries every component builds on (the shared reset of antd's classes, the icons). */
const BASE_ENTRIES = ['ant-design-icons|anticon', 'Shared|ant'];

/** `App.useApp()` hands out message, notification and modal: their popups need their styles. */
const USE_APP = ['message', 'notification', 'Modal'];

/**
 * Whether a module calls antd's `App.useApp()` (app/providers/FeedbackHolders, loaded on the first toast).
 * Only a call: a type taken from it (`ReturnType<typeof App.useApp>`, lib/feedback) must not pull those
 * styles into the module's chunk (there: the entry's).
 */
export const callsUseApp = (code: string) => /\bApp\.useApp\s*\(/.test(code);

/**
 * Parts a component renders only in some states, which rendering it once with default props does not show:
 * the page-size select of a pagination, a table's pagination, a form's grid, a popconfirm's buttons.
 */
const ALSO_RENDERS: Record<string, string[]> = {
  Pagination: ['Select'],
  Table: ['Pagination', 'Checkbox'],
  Form: ['Row', 'Col'],
  Popconfirm: ['Button'],
};

/** antd's folder name of a component ("input-number") as its export name ("InputNumber"). */
const componentName = (folder: string) => folder.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** The names in `import { A, B as C, type D } from 'antd'` (not `import type`). */
export function antdImports(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"]antd['"]/g)) {
    if (match[1]) continue;
    for (const part of match[2].split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0].trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

interface AntdStyles {
  /** The style entries of antd exports, in antd's order. */
  entriesOf(names: string[]): string[];
  /** The CSS of style entries, in antd's layer. */
  css(entries: string[]): string;
}

type Extract = (entry: unknown, effects: Record<string, boolean>, options: { plain: boolean }) => [number, string, string] | null;

async function renderAntdStyles(theme: ThemeConfig): Promise<AntdStyles> {
  // Imported here, in Node, only when a build needs the styles.
  const [{ createCache, StyleProvider }, { extractStyle: render }, { ConfigProvider }, { createElement }, register] = await Promise.all([
    import('@ant-design/cssinjs'),
    import('@ant-design/static-style-extract'),
    import('antd'),
    import('react'),
    import('@ant-design/cssinjs/lib/hooks/useStyleRegister.js') as Promise<{ extract: Extract }>,
  ]);
  const cssOf = new Map<string, { order: number; css: string }>();
  const entriesOfName = new Map<string, string[]>();

  const renderOne = (name: string): string[] => {
    const known = entriesOfName.get(name);
    if (known) return known;
    entriesOfName.set(name, []); // a cycle in ALSO_RENDERS ends here
    const cache = createCache();
    render({
      includes: [name],
      customTheme: (node) => createElement(StyleProvider, { cache }, createElement(ConfigProvider, { theme: { ...theme, zeroRuntime: false } }, node)),
    });
    const entries: string[] = [];
    for (const [key, value] of cache.cache) {
      if (!key.startsWith('style%')) continue;
      // "style%<hash>%Button-Button%ant-btn%anticon"; the hash is empty (theme.hashed is false).
      const entry = key.split('%').slice(2).join('|');
      // With its keyframes, made unique per entry ({} for the effects already written).
      const extracted = register.extract((value as [number, unknown])[1], {}, { plain: true });
      if (!extracted) continue;
      if (!cssOf.has(entry)) cssOf.set(entry, { order: extracted[0], css: extracted[2] });
      if (!BASE_ENTRIES.includes(entry)) entries.push(entry);
    }
    const all = [...new Set([...entries, ...(ALSO_RENDERS[name] ?? []).flatMap(renderOne)])];
    entriesOfName.set(name, all);
    return all;
  };

  return {
    entriesOf: (names) => [...new Set(names.flatMap(renderOne))].sort((a, b) => cssOf.get(a)!.order - cssOf.get(b)!.order),
    css: (entries) => {
      if (entries.some((entry) => !cssOf.has(entry))) renderOne('Button'); // registers the base entries
      const text = entries.map((entry) => cssOf.get(entry)?.css ?? '').join('');
      // Every stylesheet states the layers' order: whichever arrives first (the entry's chunks' styles come
      // before the entry's own) must put the app's element defaults (src/app/base.css) beneath antd.
      return text ? `@layer shop-base, antd;@layer antd{${text}}` : '';
    },
  };
}
