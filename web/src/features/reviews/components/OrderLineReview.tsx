import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '@/types/api';
import { useOrderReviews } from '../api/get-order-reviews';
import { useEditReview, useWriteReview } from '../api/review-mutations';
import { useEditable } from '../use-editable';
import { ReviewFormModal } from './ReviewFormModal';

interface OrderLineReviewProps {
  orderId: string;
  line: OrderLine;
}

/**
 * On a delivered order: "write a review" for a line, or "edit review" while its author still may. The
 * order's reviews are one query, shared by its lines.
 */
export function OrderLineReview({ orderId, line }: OrderLineReviewProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reviews = useOrderReviews(orderId);
  const review = reviews.data?.find((r) => r.productId === line.productId);
  const write = useWriteReview();
  const edit = useEditReview();
  const editable = useEditable(review);
  if (reviews.isPending) return null;
  if (review && !editable) return <span data-testid="line-reviewed">{t('reviews.reviewed')}</span>;

  return (
    <>
      <Button size="small" type={review ? 'default' : 'primary'} ghost={!review} onClick={() => setOpen(true)}
        data-testid={review ? 'edit-review' : 'write-review'} data-product-id={line.productId}>
        {review ? t('reviews.edit') : t('reviews.write')}
      </Button>
      <ReviewFormModal
        open={open}
        productName={line.name}
        initial={review ? { rating: review.rating, text: review.text ?? undefined } : undefined}
        saving={write.isPending || edit.isPending}
        onSubmit={(input) =>
          review ? edit.mutateAsync({ reviewId: review.id, input }) : write.mutateAsync({ productId: line.productId, orderId, input })
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
}
