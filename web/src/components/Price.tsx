import { Typography } from 'antd';
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

export function Price({ fen, strong, size = 'default', testId, style }: PriceProps) {
  return (
    <Typography.Text
      strong={strong}
      data-testid={testId}
      style={{ color: strong ? 'var(--shop-price-color)' : undefined, fontSize: FONT_SIZE[size], whiteSpace: 'nowrap', ...style }}
    >
      {formatFen(fen)}
    </Typography.Text>
  );
}
