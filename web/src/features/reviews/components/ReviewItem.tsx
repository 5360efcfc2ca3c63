import { LikeOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Rate, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format-date';
import type { Review } from '@/types/api';
import { useEditable } from '../use-editable';

interface ReviewItemProps {
  review: Review;
  onHelpful: () => void;
  onEdit: () => void;
  onDelete: () => void;
  voting: boolean;
}

/** One review: stars, buyer, date, "verified purchase", the text, and what the reader may do with it. */
export function ReviewItem({ review, onHelpful, onEdit, onDelete, voting }: ReviewItemProps) {
  const { t } = useTranslation();
  const editable = useEditable(review);
  const edited = review.updatedAt !== review.createdAt;

  return (
    <article className="shop-review" data-testid="review" data-review-id={review.id} data-rating={review.rating}>
      <Space wrap size={[8, 0]} align="center">
        <Rate disabled value={review.rating} style={{ fontSize: 14 }} aria-label={t('reviews.starsOf', { count: review.rating })} />
        <Typography.Text strong>{review.mine ? t('reviews.mine') : review.author}</Typography.Text>
        {review.verifiedPurchase && (
          <Tag color="green" variant="filled" data-testid="review-verified">
            {t('reviews.verified')}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {formatDate(review.createdAt)}
          {edited ? ` · ${t('reviews.edited')}` : ''}
        </Typography.Text>
      </Space>
      {review.text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: '8px 0 4px' }} data-testid="review-text">
          {review.text}
        </Typography.Paragraph>
      )}
      <Space size={4}>
        {!review.mine && (
          <Button size="small" type="text" icon={<LikeOutlined />} loading={voting} onClick={onHelpful} data-testid="review-helpful">
            {t('reviews.helpful', { count: review.helpful })}
          </Button>
        )}
        {review.mine && review.helpful > 0 && <Typography.Text type="secondary">{t('reviews.foundHelpful', { count: review.helpful })}</Typography.Text>}
        {editable && (
          <>
            <Button size="small" type="link" onClick={onEdit} data-testid="review-edit">
              {t('reviews.edit')}
            </Button>
            <Popconfirm
              title={t('reviews.confirmDelete')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={onDelete}
              okButtonProps={{ 'data-testid': 'review-delete-confirm' } as ButtonProps}
            >
              <Button size="small" type="link" danger data-testid="review-delete">
                {t('reviews.delete')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    </article>
  );
}
