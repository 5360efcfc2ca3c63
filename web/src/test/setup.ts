import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { initI18n } from '@/lib/i18n';
import { resetInitialAnswers } from '@/lib/initial-data';

// Lazy routes load their chunk on first use: on a busy CI machine that takes over the default
// second, so findBy* and waitFor wait up to five.
configure({ asyncUtilTimeout: 5000 });

// Tests read English; the zh-CN default and the switch have their own tests. (English is loaded
// on demand, so wait for it.)
await initI18n('en-US');

// jsdom lacks these browser APIs; antd's responsive helpers and our pagination call them.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  // Evaluates min-/max-width against window.innerWidth (jsdom: 1024), so layouts render as on a
  // desktop unless a test narrows the window to a phone's width.
  value: (query: string) => ({
    matches: [...query.matchAll(/\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)/g)].every(([, kind, px]) =>
      kind === 'min' ? window.innerWidth >= Number(px) : window.innerWidth <= Number(px),
    ),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
window.scrollTo = (() => {}) as typeof window.scrollTo;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'), which jsdom does
// not implement (it logs an error per call); ignore the pseudo-element argument.
// Wrapped once: this file runs again for every test file in the same document (isolate: false).
if (!('shopTestSetup' in window)) {
  Object.defineProperty(window, 'shopTestSetup', { value: true });
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = ((element: Element) => getComputedStyle(element)) as typeof window.getComputedStyle;
}

// The test files of a worker share one module graph and one document (vite.config.ts: isolate: false, a
// third of the time): what a test can leave in the client's module state is reset before the next. Module
// mocks (vi.mock) also stay for the worker's later files: mock only modules no other test file renders.
beforeEach(async () => {
  await initI18n('en-US');
});

afterEach(() => {
  cleanup();
  resetInitialAnswers();
  setUnauthorizedHandler(() => {});
  delete window.__shopEarly;
  window.localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
