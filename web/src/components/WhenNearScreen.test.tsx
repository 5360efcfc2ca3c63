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
  it('keeps its place empty until it comes near the view, then renders its children and stops watching', () => {
    const observers = fakeObserver();
    render(
      <WhenNearScreen minHeight={240} data-testid="place">
        <p>reviews</p>
      </WhenNearScreen>,
    );
    expect(screen.queryByText('reviews')).toBeNull();
    expect(screen.getByTestId('place').style.minHeight).toBe('240px');
    expect(observers[0].options?.rootMargin).toBe('200px 0px');

    act(() => observers[0].callback([{ isIntersecting: false }]));
    expect(screen.queryByText('reviews')).toBeNull();

    act(() => observers[0].callback([{ isIntersecting: true }]));
    expect(screen.getByText('reviews')).toBeTruthy();
    expect(screen.getByTestId('place').style.minHeight).toBe('');
    expect(observers[0].disconnected).toBe(true);
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
