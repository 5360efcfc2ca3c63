import type { Plugin } from 'vite';

/**
 * Puts index.html's stylesheets before its scripts. Vite writes them after the entry's module preloads, and a
 * browser on a slow connection (six at a time per host over HTTP/1.1) then fetches a dozen chunks before the
 * one file that the first paint waits for. The scripts are modules (deferred), so their order is unchanged.
 */
export function stylesFirst(): Plugin {
  return {
    name: 'shop:styles-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const styles = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
        const firstScript = html.search(/\s*<script type="module"/);
        if (styles.length === 0 || firstScript < 0) return html;
        const rest = styles.reduce((text, link) => text.replace(link, ''), html);
        const at = rest.search(/\s*<script type="module"/);
        return rest.slice(0, at) + styles.join('') + rest.slice(at);
      },
    },
  };
}
