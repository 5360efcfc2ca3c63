import type { App } from 'antd';
import { createContext, useContext } from 'react';

/** antd's message, notification and modal APIs, as its App component hands them out (its useApp hook). */
export type AntdFeedback = ReturnType<typeof App.useApp>;

/**
 * Each method of one of antd's APIs, called as soon as antd's code for it is in the page. Returns a promise
 * of what awaiting antd's own return value gives (a message: true once closed; a confirm: whether the user
 * confirmed).
 */
type Deferred<Api> = { [Method in keyof Api]: Api[Method] extends (...args: infer Args) => infer Result ? (...args: Args) => Promise<Awaited<Result>> : never };

export interface Feedback {
  message: Deferred<AntdFeedback['message']>;
  notification: Deferred<AntdFeedback['notification']>;
  modal: Deferred<AntdFeedback['modal']>;
}

export const FeedbackContext = createContext<Feedback | null>(null);

/**
 * Toasts, notifications and confirm dialogs for any page: `const { message } = useFeedback();
 * void message.success(...)`. Use this, not antd's own hook on App (useApp): that one needs an antd <App>
 * around the component and, without one, gives empty objects (`message.success is not a function`). The app's
 * providers (app/providers/FeedbackProvider) load antd's code for these on the first call, so pages that
 * never toast do not download it.
 */
export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback() needs the app providers (FeedbackProvider) around the component.');
  return feedback;
}
