import { useState, type ComponentType, type ReactNode } from 'react';
import { FeedbackContext, type AntdFeedback, type Feedback } from '@/lib/feedback';

type Holders = ComponentType<{ onReady: (api: AntdFeedback) => void }>;
type Part = keyof AntdFeedback;

/** The methods of each API (the types make sure none is missing). */
const METHODS: { [P in Part]: Record<keyof AntdFeedback[P], true> } = {
  message: { info: true, success: true, error: true, warning: true, loading: true, open: true, destroy: true },
  notification: { info: true, success: true, error: true, warning: true, open: true, destroy: true },
  modal: { info: true, success: true, error: true, warning: true, confirm: true },
};

/**
 * The Feedback that pages get (useFeedback): each call waits for antd's API, and the first one starts
 * loading its code (FeedbackHolders), which `show` then renders.
 */
function createFeedback(show: (holders: Holders) => void) {
  let api: AntdFeedback | undefined;
  let loading = false;
  const waiting: ((api: AntdFeedback) => void)[] = [];

  const load = () => {
    if (loading) return;
    loading = true;
    import('./FeedbackHolders').then(
      (module) => show(module.default),
      (error: unknown) => {
        // The chunk did not arrive (offline, a newer deploy): what waited is not shown; the next call tries again.
        loading = false;
        waiting.length = 0;
        console.error('Could not load the code of messages and dialogs.', error);
      },
    );
  };
  const call = (part: Part, method: string, args: unknown[]) =>
    new Promise<unknown>((resolve) => {
      const run = (ready: AntdFeedback) => resolve((ready[part] as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args));
      if (api) return run(api);
      waiting.push(run);
      load();
    });
  const deferred = (part: Part) => Object.fromEntries(Object.keys(METHODS[part]).map((method) => [method, (...args: unknown[]) => call(part, method, args)]));

  const onReady = (ready: AntdFeedback) => {
    api = ready;
    for (const run of waiting.splice(0)) run(ready);
  };
  const feedback = { message: deferred('message'), notification: deferred('notification'), modal: deferred('modal') } as Feedback;
  return { feedback, onReady };
}

/**
 * Gives every page message, notification and modal (useFeedback), shoppers' and admin's alike. antd's
 * code for them (its App, the holders they draw into, their styles: some 15 kB) loads on the first call,
 * not with every page; calls made meanwhile run once it is here. The holders render beside the page,
 * inside the ConfigProvider, so that they take the theme and locale.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [Loaded, setLoaded] = useState<Holders>();
  const [{ feedback, onReady }] = useState(() => createFeedback((holders) => setLoaded(() => holders)));
  return (
    <FeedbackContext.Provider value={feedback}>
      {children}
      {Loaded && <Loaded onReady={onReady} />}
    </FeedbackContext.Provider>
  );
}
