import type { ThemeConfig } from 'antd';

/**
 * The antd theme, shared by AppProviders and the build (vite.config.ts renders antd's component styles
 * into static stylesheets with it, see build/antd-css.ts).
 */
export const theme = {
  // Every text colour at WCAG AA's 4.5:1 or more on the backgrounds it sits on (white, the grey page, the
  // warm hero, tags' tints): antd's defaults are lighter (secondary text #8c8c8c is 3.4:1 on white,
  // placeholders 1.9:1, success green 2.2:1, error red 3.3:1, link blue 4.1:1). The brand colour is a shade
  // darker than volcano-7 (#d4380d, 4.4:1 on the grey page) for the same reason.
  token: {
    colorPrimary: '#c4330a',
    // antd derives a lighter hover (#d1552c): white on it, and it on white, is 4.2:1. A button stays under the
    // pointer after a click (and on a phone after a tap), so its hover colour is read as much as its own.
    // This one is still a shade lighter and 4.7:1.
    colorPrimaryHover: '#cc4419',
    borderRadius: 6,
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorSuccess: '#237804',
    colorError: '#cf1322',
    colorLink: '#0958d9',
  },
  // antd's component styles come from that stylesheet, so antd does not generate them while rendering
  // (it still sets the token CSS variables at run time, which is where this theme's colours live).
  zeroRuntime: true,
  // Plain `.ant-*` selectors: the stylesheet must not depend on a hash of the antd version and theme.
  hashed: false,
} satisfies ThemeConfig;
