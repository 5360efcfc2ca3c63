import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseYuanToFen, previewShippingFee } from './money';

describe('formatFen', () => {
  it.each([
    [1999, '¥19.99'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456789, '¥1,234,567.89'],
    [-50, '-¥0.50'],
  ])('shows %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('shows amounts that float arithmetic gets wrong exactly', () => {
    // 0.1 + 0.2 style errors: 1.15 * 100 = 114.99999999999999 in floating point.
    expect(formatFen(115)).toBe('¥1.15');
    expect(formatFen(29)).toBe('¥0.29');
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['19', 1900],
    ['19.9', 1990],
    ['19.99', 1999],
    ['1.15', 115],
    ['0.29', 29],
    [' 7 ', 700],
  ])('reads "%s" as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.999', '-1', '1e3', '1,000'])('rejects "%s"', (text) => {
    expect(parseYuanToFen(text)).toBeUndefined();
  });

  it('round-trips with fenToYuanString', () => {
    for (const fen of [0, 1, 99, 100, 1999, 123456]) expect(parseYuanToFen(fenToYuanString(fen))).toBe(fen);
  });
});

describe('previewShippingFee', () => {
  it('is free from ¥99.00 and ¥10.00 below', () => {
    expect(previewShippingFee(9900)).toBe(0);
    expect(previewShippingFee(9899)).toBe(1000);
  });
});
