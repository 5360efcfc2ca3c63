import { useState } from 'react';
import type { Review } from '@/types/api';

/** Whether the review can still be changed by its author: its edit window (30 days) is judged at first render. */
export function useEditable(review: Review | undefined): boolean {
  const [now] = useState(Date.now);
  return review !== undefined && review.mine && now < Date.parse(review.editableUntil);
}
