import type { ThemeConfig } from 'antd';

/**
 * The antd theme, shared by AppProviders and the build (vite.config.ts renders antd's component styles
 * into static stylesheets with it, see build/antd-css.ts).
 */
export const theme = {
  // Secondary text (antd's default is black at 45 %, #8c8c8c: 3.4:1 on white) darkened to 6:1 on white
  // and 5.5:1 on the home page's warm hero, above WCAG AA's 4.5:1.
  token: { colorPrimary: '#d4380d', borderRadius: 6, colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)' },
  // antd's component styles come from that stylesheet, so antd does not generate them while rendering
  // (it still sets the token CSS variables at run time, which is where this theme's colours live).
  zeroRuntime: true,
  // Plain `.ant-*` selectors: the stylesheet must not depend on a hash of the antd version and theme.
  hashed: false,
} satisfies ThemeConfig;
