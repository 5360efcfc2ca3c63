import type { ThemeConfig } from 'antd';
import type { Plugin } from 'vite';

const ID = 'virtual:antd.css';
const RESOLVED_ID = `\0${ID}`;

/**
 * `import 'virtual:antd.css'` is antd's component CSS as a static stylesheet (~940 kB, ~95 kB gzipped), for
 * an app that runs antd with `theme.zeroRuntime`. Otherwise antd serializes and inserts its CSS-in-JS while
 * the first page renders (~230 kB on home, ~300 kB on the product list: ~40% of that render).
 *
 * The CSS is rendered with antd's own whole-export list (@ant-design/static-style-extract renders every antd
 * component) under the app's theme, so a component the app starts using later is already styled. Only the
 * component rules are kept ('style'): the token and component CSS variables stay at run time, where antd
 * scopes them to the class it gives the ConfigProvider's components.
 */
export function antdStaticCss(theme: ThemeConfig): Plugin {
  let css: Promise<string> | undefined;
  return {
    name: 'shop:antd-static-css',
    resolveId: (id) => (id === ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      css ??= renderAntdCss(theme);
      return css;
    },
  };
}

async function renderAntdCss(theme: ThemeConfig): Promise<string> {
  // Imported here, in Node, only when the stylesheet is needed (not by `vitest`).
  const [{ createCache, extractStyle, StyleProvider }, { extractStyle: renderAllComponents }, { ConfigProvider }, { createElement }] =
    await Promise.all([import('@ant-design/cssinjs'), import('@ant-design/static-style-extract'), import('antd'), import('react')]);
  const cache = createCache();
  // Our StyleProvider inside static-style-extract's one collects the styles into `cache`, so that only the
  // component rules can be extracted from it.
  renderAllComponents((node) =>
    createElement(StyleProvider, { cache }, createElement(ConfigProvider, { theme: { ...theme, zeroRuntime: false } }, node)),
  );
  return (
    extractStyle(cache, { plain: true, types: 'style' })
      // extractStyle ends with a map of the styles it extracted, for SSR hydration; not needed here.
      .replace(/\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/, '')
  );
}
