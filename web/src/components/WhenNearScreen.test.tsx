import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhenNearScreen } from './WhenNearScreen';

type Callback = (entries: Array<{ isIntersecting: boolean }>) => void;

/** An IntersectionObserver the test moves by hand, and what it was asked to watch. */
function fakeObserver() {
  const observers: Array<{ callback: Callback; options?: IntersectionObserverInit; disconnected: boolean }> = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private readonly entry;
      constructor(callback: Callback, options?: IntersectionObserverInit) {
        this.entry = { callback, options, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    },
  );
  return observers;
}

afterEach(() => vi.unstubAllGlobals());

describe('WhenNearScreen', () => {
  it('keeps its place (and its height) empty until it comes near the view, then renders its children and stops watching', () => {
    const observers = fakeObserver();
    render(
      <WhenNearScreen minHeight={240} id="reviews" data-testid="place">
        <p>reviews</p>
      </WhenNearScreen>,
    );
    expect(screen.queryByText('reviews')).toBeNull();
    expect(screen.getByTestId('place').style.minHeight).toBe('240px');
    expect(screen.getByTestId('place').id).toBe('reviews');
    expect(observers[0].options?.rootMargin).toBe('200px 0px');

    act(() => observers[0].callback([{ isIntersecting: false }]));
    expect(screen.queryByText('reviews')).toBeNull();

    act(() => observers[0].callback([{ isIntersecting: true }]));
    expect(screen.getByText('reviews')).toBeTruthy();
    expect(observers[0].disconnected).toBe(true);
    // While the content's code loads (Suspense shows nothing), the place keeps its height.
    expect(screen.getByTestId('place').style.minHeight).toBe('240px');
  });

  it('starts empty again for other content (a new key, as the product page gives each product)', () => {
    const observers = fakeObserver();
    const { rerender } = render(
      <WhenNearScreen key="a" data-testid="place">
        <p>reviews of a</p>
      </WhenNearScreen>,
    );
    act(() => observers[0].callback([{ isIntersecting: true }]));
    expect(screen.getByText('reviews of a')).toBeTruthy();

    rerender(
      <WhenNearScreen key="b" data-testid="place">
        <p>reviews of b</p>
      </WhenNearScreen>,
    );
    expect(screen.queryByText('reviews of b')).toBeNull();
    act(() => observers[1].callback([{ isIntersecting: true }]));
    expect(screen.getByText('reviews of b')).toBeTruthy();
  });

  it('renders at once where the browser has no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(
      <WhenNearScreen>
        <p>reviews</p>
      </WhenNearScreen>,
    );
    expect(screen.getByText('reviews')).toBeTruthy();
  });
});
