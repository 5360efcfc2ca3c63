import { type ReactNode, useEffect, useRef, useState } from 'react';

interface WhenNearScreenProps {
  children: ReactNode;
  /** The place's least height, kept while its content loads, so the page below does not jump. */
  minHeight?: number;
  /** For links to the place (`#id`): the browser scrolls to it, which brings the content. */
  id?: string;
  'data-testid'?: string;
}

/**
 * Renders its children once their place comes within 200 px of the view, as `loading="lazy"` does
 * for a picture: a section below the first screen (a product's reviews) then costs a phone nothing
 * while the page starts. Without IntersectionObserver (old browsers, jsdom) it renders at once.
 */
export function WhenNearScreen({ children, minHeight, id, 'data-testid': testId }: WhenNearScreenProps) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: '200px 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={place} id={id} data-testid={testId} style={{ minHeight }}>
      {near ? children : null}
    </div>
  );
}
