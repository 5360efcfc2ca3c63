import { App } from 'antd';
import { useEffect } from 'react';
import type { AntdFeedback } from '@/lib/feedback';

function Publish({ onReady }: { onReady: (api: AntdFeedback) => void }) {
  const api = App.useApp();
  useEffect(() => onReady(api), [api, onReady]);
  return null;
}

/**
 * antd's App renders the holders that message, notification and modal draw into (portals into <body>)
 * and hands out their APIs, which go to FeedbackProvider. Loaded on the first toast (its own chunk, with
 * the styles of messages, notifications and modals, see build/antd-css.ts).
 */
export default function FeedbackHolders({ onReady }: { onReady: (api: AntdFeedback) => void }) {
  return (
    // Toasts below the header (64 px), not over its navigation, which stays clickable while one shows.
    <App component={false} message={{ top: 72 }}>
      <Publish onReady={onReady} />
    </App>
  );
}
