// First of all imports: the style layers' order and element defaults (base.css), before any antd style
// arrives with a component's module.
import './app/base.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/providers/query-client';
import { createAppRouter, preloadRoute } from './app/router';
import { initI18n } from './lib/i18n';
import { meQueryOptions } from './lib/session';
import { tokenStore } from './lib/token-store';
// What all of antd's component styles share, made at build time (build/antd-css.ts, which also gives each
// module the styles of the components it imports: antd runs with `zeroRuntime`); then the app's own
// styles, which win over antd's.
import 'virtual:antd-base.css';
import './app/styles.css';
import './app/first-screen.css';

// The start is cut into tasks, the browser free between them: done in one go (texts, router, the page's
// first requests, then the render) it is one long task on a phone, during which the page the server drew
// cannot answer a tap (what Lighthouse counts as blocking time).
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextTask = () => wait(0);

async function start() {
  // Caught at once: the page renders in the default texts if the language's fail to load.
  const i18nReady = initI18n().catch(() => undefined);
  await nextTask();
  const queryClient = createQueryClient();
  // The router first: it installs the 401 handler that any early request may need.
  const router = createAppRouter(queryClient);
  await nextTask();
  // Start the current page's chunk and data now, not after the shell has rendered; and a signed-in shopper's
  // account, which the header and the guarded pages wait for (/early.js has usually asked for it already).
  const pageLoaded = preloadRoute(window.location, queryClient);
  if (tokenStore.get()) void queryClient.prefetchQuery(meQueryOptions());

  const container = document.getElementById('root')!;
  // The server drew the catalog pages' first screen into #root (src/Shop.Api/Features/Web): it stays on
  // screen until the client's render replaces it.
  const serverDrawn = container.childElementCount > 0;

  // Render once the texts are in (at once for zh-CN) and the page's code is here: shell and page
  // then appear in one pass. Rendering earlier shows the Suspense skeleton first, and React holds
  // back revealing the page until 300 ms after a skeleton appeared. On a slow network, don't leave
  // the screen blank for long: render anyway, unless the server's first screen is showing: replacing it
  // by a skeleton would be a step back.
  const pageOrTimeout = serverDrawn ? pageLoaded : Promise.race([pageLoaded, wait(300)]);
  await Promise.all([i18nReady, pageOrTimeout]);
  await nextTask();
  // A transition: React renders in slices and yields to the browser between them, instead of
  // blocking the main thread for the whole first render.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
}

void start();
