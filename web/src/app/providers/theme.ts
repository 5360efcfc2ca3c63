import type { ThemeConfig } from 'antd';

/**
 * The antd theme, shared by AppProviders and the build (vite.config.ts renders antd's component styles
 * into a static stylesheet with it, see build/antd-static-css.ts).
 */
export const theme = {
  token: { colorPrimary: '#d4380d', borderRadius: 6 },
  // antd's component styles come from that stylesheet, so antd does not generate them while rendering
  // (it still sets the token CSS variables at run time, which is where this theme's colours live).
  zeroRuntime: true,
  // Plain `.ant-*` selectors: the stylesheet must not depend on a hash of the antd version and theme.
  hashed: false,
} satisfies ThemeConfig;
