import { describe, expect, it } from 'vitest';
import { loginPathFor, safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it.each([
    ['/checkout', '/checkout'],
    ['/products?q=tea', '/products?q=tea'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/login?redirect=/x', '/'],
    [null, '/'],
  ])('%s → %s', (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it('encodes where the user was', () => {
    expect(loginPathFor({ pathname: '/products', search: '?q=a&page=2' })).toBe('/login?redirect=%2Fproducts%3Fq%3Da%26page%3D2');
  });
});
