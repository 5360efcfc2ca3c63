import { useState } from 'react';

/**
 * An input's draft of a value it shows: starts from `value`, can be edited locally, and goes back to
 * `value` whenever that changes (the URL after the back button, the server's answer). The reset happens
 * while rendering (React's "adjusting state when a prop changes"), not in an effect, so no render shows
 * the old draft beside the new value.
 */
export function useDraft<T>(value: T) {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  if (!Object.is(source, value)) {
    setSource(value);
    setDraft(value);
  }
  return [draft, setDraft] as const;
}
