import { describe, expect, it } from 'vitest';
import { orderNumber } from './order-number';

describe('orderNumber', () => {
  it('tells apart orders placed in the same minute, as the emails do', () => {
    const sameMinute = ['019ac1f2d3e47a1b8c9d0e1f2a3b4c5d', '019ac1f2d3e47f0e8a7b6c5d4e3f2a1b'];
    expect(sameMinute.map(orderNumber)).toEqual(['2A3B4C5D', '4E3F2A1B']);
  });
});
