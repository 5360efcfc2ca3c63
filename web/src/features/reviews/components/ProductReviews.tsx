import { Empty, Pagination, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import { useSession } from '@/lib/session';
import { REVIEW_SORTS, type Review, type ReviewSort } from '@/types/api';
import { REVIEWS_PAGE_SIZE, useReviews } from '../api/get-reviews';
import { useDeleteReview, useEditReview, useVoteHelpful } from '../api/review-mutations';
import { RatingSummaryBars } from './RatingSummaryBars';
import { ReviewFormModal } from './ReviewFormModal';
import { ReviewItem } from './ReviewItem';

/** A product's reviews under its description: the summary, then the reviews in the order chosen, ten a page. */
export default function ProductReviews({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { isAuthenticated } = useSession();
  const [sort, setSort] = useState<ReviewSort>('newest');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Review>();
  const reviews = useReviews(productId, sort, page);
  const vote = useVoteHelpful();
  const edit = useEditReview();
  const remove = useDeleteReview();

  const onHelpful = (review: Review) => {
    if (!isAuthenticated) {
      void message.info(t('reviews.signInToVote'));
      return;
    }
    vote.mutate(review, {
      onSuccess: () => void message.success(t('reviews.helpfulThanks')),
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };
  const onDelete = (review: Review) =>
    remove.mutate(review, {
      onSuccess: () => void message.success(t('reviews.deleted')),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  const data = reviews.data;
  return (
    <section aria-labelledby="reviews-title" data-testid="product-reviews" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="reviews-title" className="shop-section-title">
        {t('reviews.title')}
      </Typography.Title>
      {reviews.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : data!.summary.count === 0 && data!.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.none')} data-testid="reviews-empty" />
      ) : (
        <>
          <RatingSummaryBars summary={data!.summary} />
          <div className="shop-reviews-toolbar">
            <Select<ReviewSort>
              value={sort}
              onChange={(next) => {
                setSort(next);
                setPage(1);
              }}
              options={REVIEW_SORTS.map((value) => ({ value, label: t(`reviews.sort.${value}`) }))}
              aria-label={t('reviews.sortLabel')}
              style={{ minWidth: 160 }}
              data-testid="reviews-sort"
            />
          </div>
          <div data-testid="review-list">
            {data!.items.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                voting={vote.isPending && vote.variables?.id === review.id}
                onHelpful={() => onHelpful(review)}
                onEdit={() => setEditing(review)}
                onDelete={() => onDelete(review)}
              />
            ))}
          </div>
          {data!.total > REVIEWS_PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={REVIEWS_PAGE_SIZE}
              total={data!.total}
              onChange={setPage}
              showSizeChanger={false}
              style={{ marginTop: 16, textAlign: 'center' }}
              data-testid="reviews-pagination"
            />
          )}
        </>
      )}
      <ReviewFormModal
        open={editing !== undefined}
        productName={editing?.productName ?? ''}
        initial={editing ? { rating: editing.rating, text: editing.text ?? undefined } : undefined}
        saving={edit.isPending}
        onSubmit={(input) => edit.mutateAsync({ reviewId: editing!.id, input })}
        onClose={() => setEditing(undefined)}
      />
    </section>
  );
}
