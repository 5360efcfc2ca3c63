// Money arrives as integer fen. Formatting and parsing stay in integer arithmetic so that no
// binary floating-point rounding can ever change an amount shown to or typed by a shopper.

const FEN_PER_YUAN = 100;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1999 → "¥19.99", 123456 → "¥1,234.56", -50 → "-¥0.50". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  return `${sign}¥${groupThousands(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

/** Plain "19.99" (no symbol, no grouping), e.g. to prefill a price input. */
export function fenToYuanString(fen: number): string {
  const yuan = Math.floor(Math.abs(fen) / FEN_PER_YUAN);
  const cents = Math.abs(fen) % FEN_PER_YUAN;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

/**
 * Parses a yuan amount typed by a person ("19", "19.9", "19.99") into fen by splitting the
 * string, never by multiplying a float. Returns undefined for anything that is not a
 * non-negative amount with at most two decimals.
 */
export function parseYuanToFen(input: string | number | null | undefined): number | undefined {
  if (input === null || input === undefined) return undefined;
  const text = String(input).trim();
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return undefined;
  const yuan = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = yuan * FEN_PER_YUAN + cents;
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** The shipping rule the API applies (free from ¥99.00), used only to preview checkout totals. */
export const FREE_SHIPPING_FROM_FEN = 9900;
export const SHIPPING_FEE_FEN = 1000;

export function previewShippingFee(subtotalFen: number): number {
  return subtotalFen >= FREE_SHIPPING_FROM_FEN || subtotalFen === 0 ? 0 : SHIPPING_FEE_FEN;
}
