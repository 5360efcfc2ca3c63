import type { Plugin } from 'vite';

const UNIQUE_TOOLTIP = '\0shop:antd-tooltip-unique';

/**
 * antd's ConfigProvider imports the provider of `tooltip.unique` (one tooltip popup shared by all tooltips)
 * whether or not it is asked for, and with it the popup machinery (@rc-component/trigger: alignment, portal,
 * resize observer, motion): ~20 kB of every page's first download. The shop sets no `tooltip.unique`
 * (app/providers/AppProviders.tsx), so the build gives ConfigProvider a provider that only renders its
 * children. Tooltips themselves are unchanged: they import the popup machinery in their own chunks.
 */
export function antdUnused(): Plugin {
  return {
    name: 'shop:antd-unused',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../tooltip/UniqueProvider' && importer && /antd[\\/]es[\\/]config-provider[\\/]index\.js$/.test(importer)) return UNIQUE_TOOLTIP;
      return undefined;
    },
    load(id) {
      return id === UNIQUE_TOOLTIP ? 'export default function UniqueProvider(props) { return props.children; }' : undefined;
    },
  };
}
