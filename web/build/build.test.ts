import type { OutputBundle } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { antdImports, callsUseApp } from './antd-css';
import { routeAssets } from './server-files';
import { stylesFirst } from './styles-first';

describe('which antd components a module imports (their styles go with its chunk)', () => {
  it('reads named imports, renamed ones and inline type imports, and skips type-only imports', () => {
    const code = [
      "import { Button, Card as AntCard, type ButtonProps } from 'antd';",
      "import type { ThemeConfig } from 'antd';",
      'import { App as AntApp,\n  ConfigProvider } from "antd";',
      "import { useState } from 'react';",
    ].join('\n');
    expect(antdImports(code)).toEqual(['Button', 'Card', 'App', 'ConfigProvider']);
  });

  it("gives message, notification and modal styles to a module that calls App.useApp, not to one that takes a type from it", () => {
    expect(callsUseApp('const api = App.useApp();')).toBe(true);
    expect(callsUseApp('export type AntdFeedback = ReturnType<typeof App.useApp>;')).toBe(false);
  });
});

describe("index.html's stylesheets before its scripts", () => {
  it('moves every stylesheet link ahead of the entry script and its preloads, keeping their order', () => {
    const html = [
      '<head>',
      '<title>Shop</title>',
      '<script type="module" crossorigin src="/assets/index.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/vendor.js">',
      '<link rel="stylesheet" crossorigin href="/assets/antd.css">',
      '<link rel="stylesheet" crossorigin href="/assets/index.css">',
      '</head>',
    ].join('\n');
    const hook = stylesFirst().transformIndexHtml as { handler: (html: string) => string };
    const result = hook.handler(html);
    expect(result.indexOf('antd.css')).toBeLessThan(result.indexOf('index.js'));
    expect(result.indexOf('antd.css')).toBeLessThan(result.indexOf('index.css'));
    expect(result.indexOf('index.css')).toBeLessThan(result.indexOf('vendor.js'));
    expect(result.match(/rel="stylesheet"/g)).toHaveLength(2);
  });
});

describe("the routes' own files, for the server's pages", () => {
  const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}, css: string[] = []) => ({
    type: 'chunk',
    fileName,
    imports,
    isEntry: false,
    isDynamicEntry: false,
    facadeModuleId: null,
    viteMetadata: { importedCss: new Set(css) },
    ...extra,
  });

  it("lists a route's chunk and what it imports, less what the entry already loads", () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', ['assets/react.js', 'assets/button.js'], { isEntry: true }, ['assets/index.css']),
      'assets/react.js': chunk('assets/react.js', []),
      'assets/button.js': chunk('assets/button.js', [], {}, ['assets/button.css']),
      'assets/page-home.js': chunk('assets/page-home.js', ['assets/card.js', 'assets/button.js'], {
        isDynamicEntry: true,
        facadeModuleId: '/repo/web/src/app/routes/home.tsx',
      }),
      'assets/card.js': chunk('assets/card.js', ['assets/react.js'], {}, ['assets/card.css', 'assets/button.css']),
      'assets/page-orders.js': chunk('assets/page-orders.js', [], { isDynamicEntry: true, facadeModuleId: '/repo/web/src/app/routes/account/account-orders.tsx' }),
      'assets/en-US.js': chunk('assets/en-US.js', [], { isDynamicEntry: true, facadeModuleId: '/repo/web/src/locales/en-US/index.ts' }),
    } as unknown as OutputBundle;

    expect(routeAssets(bundle)).toEqual({
      home: { js: ['/assets/page-home.js', '/assets/card.js'], css: ['/assets/card.css'] },
      'account/account-orders': { js: ['/assets/page-orders.js'], css: [] },
    });
  });
});
