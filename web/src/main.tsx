import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/providers/query-client';
import { createAppRouter, preloadRoute } from './app/router';
import { initI18n } from './lib/i18n';
// antd's component styles, rendered at build time (build/antd-static-css.ts): antd runs with
// `zeroRuntime` and does not generate them while rendering. Before styles.css, which overrides them.
import 'virtual:antd.css';
import './app/styles.css';

const i18nReady = initI18n();
const queryClient = createQueryClient();
// The router first: it installs the 401 handler that any early request may need.
const router = createAppRouter(queryClient);
// Start the current page's chunk and data now, not after the shell has rendered.
const pageLoaded = preloadRoute(window.location, queryClient);

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}

// Render once the texts are in (at once for zh-CN) and the page's code is here: shell and page
// then appear in one pass. Rendering earlier shows the Suspense skeleton first, and React holds
// back revealing the page until 300 ms after a skeleton appeared. On a slow network, don't leave
// the screen blank for long: render anyway.
const pageOrTimeout = Promise.race([pageLoaded, new Promise((resolve) => setTimeout(resolve, 300))]);
void Promise.all([i18nReady.catch(() => undefined), pageOrTimeout]).then(render);
