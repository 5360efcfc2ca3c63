import { Grid } from 'antd';

/** Phones and small tablets (< 768 px, antd's `md`): header drawer, lists instead of tables. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop then.
  return screens.md === false;
}
