import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Stars } from './Stars';

describe('a rating as stars', () => {
  it.each([
    [4.5, ['full', 'full', 'full', 'full', 'half'], 'Rated 4.5 out of 5'],
    [4.3, ['full', 'full', 'full', 'full', 'zero'], 'Rated 4.3 out of 5'],
    [3.96, ['full', 'full', 'full', 'half', 'zero'], 'Rated 4 out of 5'],
    [0, ['zero', 'zero', 'zero', 'zero', 'zero'], 'Rated 0 out of 5'],
  ])('draws %s as antd Rate with allowHalf does, and says it', (value, fills, label) => {
    render(<Stars value={value} />);
    const stars = screen.getByRole('img', { name: label });
    expect([...stars.children].map((star) => /shop-star-(\w+)/.exec(star.className)![1])).toEqual(fills);
  });

  it('is hidden from screen readers when decorative', () => {
    render(<Stars value={4} decorative />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByTestId('stars')).toHaveAttribute('aria-hidden', 'true');
  });
});
