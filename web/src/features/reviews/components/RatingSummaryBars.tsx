import { Progress, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '@/types/api';

/** The average, large, with its stars and count, and one bar per star from five down to one. */
export function RatingSummaryBars({ summary }: { summary: RatingSummary }) {
  const { t } = useTranslation();
  const average = summary.average ?? 0;
  return (
    <div className="shop-rating-summary" data-testid="rating-summary" data-count={summary.count} data-average={summary.average ?? ''}>
      <div className="shop-rating-average">
        <span className="shop-rating-number">{average.toFixed(1)}</span>
        <Rate disabled allowHalf value={average} aria-label={t('reviews.outOf5', { average: average.toFixed(1) })} />
        <Typography.Text type="secondary">{t('reviews.count', { count: summary.count })}</Typography.Text>
      </div>
      <ul className="shop-rating-bars" aria-label={t('reviews.distribution')}>
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = summary.distribution[stars - 1] ?? 0;
          const percent = summary.count ? Math.round((count * 100) / summary.count) : 0;
          return (
            <li key={stars} data-testid={`rating-bar-${stars}`} data-count={count}>
              <span className="shop-rating-bar-label">{t('reviews.stars', { count: stars })}</span>
              <Progress percent={percent} showInfo={false} size="small" aria-label={t('reviews.starsShare', { stars, count })} />
              <span className="shop-rating-bar-count">{count}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
