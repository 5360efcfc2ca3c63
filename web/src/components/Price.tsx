import type { CSSProperties } from 'react';
import { formatFen } from '@/lib/money';

interface PriceProps {
  fen: number;
  strong?: boolean;
  size?: 'small' | 'default' | 'large';
  testId?: string;
  style?: CSSProperties;
}

const FONT_SIZE = { small: 13, default: 15, large: 24 } as const;

/**
 * A price, drawn as antd's Typography.Text draws text (styles.css `.shop-price`) without it: Typography brings
 * its ellipsis, copy and tooltip machinery to every page that shows a price, the home page's first download included.
 */
export function Price({ fen, strong, size = 'default', testId, style }: PriceProps) {
  const text = formatFen(fen);
  return (
    <span className="shop-price" data-testid={testId} style={{ color: strong ? 'var(--shop-price-color)' : undefined, fontSize: FONT_SIZE[size], ...style }}>
      {strong ? <strong>{text}</strong> : text}
    </span>
  );
}
