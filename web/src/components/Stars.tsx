import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * A rating shown as five stars (whole and half), looking like antd's read-only Rate. Not the Rate itself on the
 * catalog cards: Rate is an input, and brings a tooltip and its popup machinery onto the home page and the list.
 */
interface StarsProps {
  value: number;
  /** Hidden from screen readers, when what is around it says the rating. */
  decorative?: boolean;
}

export function Stars({ value, decorative = false }: StarsProps) {
  const { t } = useTranslation();
  const named = decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': t('common.rating', { value: Math.round(value * 10) / 10 }) };
  return (
    <span className="shop-stars" {...named} data-testid="stars">
      {[1, 2, 3, 4, 5].map((star) => {
        // As Rate with allowHalf draws a value: a half star from half a point below it.
        const fill = value >= star ? 'full' : value >= star - 0.5 ? 'half' : 'zero';
        return (
          <span key={star} className={`shop-star shop-star-${fill}`} aria-hidden="true">
            <StarFilled />
            {fill === 'half' && (
              <span className="shop-star-half-fill">
                <StarFilled />
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}
