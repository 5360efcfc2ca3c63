import { Button, Form, Input, Modal, Rate, Segmented, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { useFeedback } from '@/lib/feedback';
import { formatDateTime } from '@/lib/format-date';
import { errorMessage } from '@/lib/problem';
import type { AdminReview } from '@/types/api';
import { type ReviewVisibilityFilter, useAdminReviews, useSetReviewVisibility } from '../api/admin-reviews';

const PAGE_SIZE = 20;
const FILTERS: readonly ReviewVisibilityFilter[] = ['all', 'visible', 'hidden'];

/** Moderation: every review, newest first; hide one with a reason (kept), or show it again. */
export function AdminReviewsView() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const show = FILTERS.find((f) => f === params.get('show')) ?? 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const reviews = useAdminReviews({ show, page, pageSize: PAGE_SIZE });
  const visibility = useSetReviewVisibility();
  const [hiding, setHiding] = useState<AdminReview>();
  const [form] = Form.useForm<{ reason: string }>();

  const change = (review: AdminReview, hidden: boolean, reason?: string) =>
    visibility.mutateAsync({ reviewId: review.id, hidden, reason }).then(
      () => {
        void message.success(hidden ? t('admin.reviews.hiddenDone') : t('admin.reviews.shownDone'));
        setHiding(undefined);
      },
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  return (
    <div data-testid="admin-reviews">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('admin.reviews.title')}
        </Typography.Title>
        <Segmented<ReviewVisibilityFilter>
          value={show}
          onChange={(next) => setParams(next === 'all' ? {} : { show: next })}
          options={FILTERS.map((value) => ({ value, label: t(`admin.reviews.${value}`) }))}
          aria-label={t('admin.reviews.show')}
          data-testid="review-filter"
        />
      </Space>
      {reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <Table<AdminReview>
          rowKey="id"
          size="small"
          loading={reviews.isFetching}
          dataSource={reviews.data?.items}
          scroll={{ x: 720 }}
          onRow={(review) => ({ 'data-testid': 'admin-review-row', 'data-review-id': review.id, 'data-hidden': review.hidden }) as object}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: reviews.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setParams({ ...(show === 'all' ? {} : { show }), page: String(next) }),
          }}
          columns={[
            { title: t('admin.reviews.product'), dataIndex: 'productName', render: (name: string, r) => <Link to={`/products/${r.productId}`}>{name}</Link> },
            { title: t('admin.reviews.rating'), dataIndex: 'rating', width: 130, render: (rating: number) => <Rate disabled value={rating} style={{ fontSize: 12, whiteSpace: 'nowrap' }} /> },
            {
              title: t('admin.reviews.text'),
              dataIndex: 'text',
              render: (text: string | null, r) => (
                <>
                  <div style={{ whiteSpace: 'pre-line' }}>{text ?? <Typography.Text type="secondary">{t('admin.reviews.noText')}</Typography.Text>}</div>
                  {r.hidden && <Tag color="red" style={{ marginTop: 4 }}>{t('admin.reviews.hiddenBecause', { reason: r.hiddenReason ?? '' })}</Tag>}
                </>
              ),
            },
            { title: t('admin.reviews.buyer'), dataIndex: 'author', width: 90 },
            { title: t('admin.reviews.written'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
            {
              title: t('admin.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, r) =>
                r.hidden ? (
                  <Button size="small" onClick={() => void change(r, false)} data-testid="unhide-review">
                    {t('admin.reviews.unhide')}
                  </Button>
                ) : (
                  <Button size="small" danger onClick={() => setHiding(r)} data-testid="hide-review">
                    {t('admin.reviews.hide')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={hiding !== undefined}
        title={t('admin.reviews.hideTitle')}
        okText={t('admin.reviews.hide')}
        okButtonProps={{ danger: true, 'data-testid': 'hide-review-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        confirmLoading={visibility.isPending}
        onOk={() => form.submit()}
        onCancel={() => setHiding(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{hiding?.text ?? hiding?.productName}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={({ reason }) => hiding && void change(hiding, true, reason.trim())}>
          <Form.Item name="reason" label={t('admin.reviews.reason')} rules={[{ required: true, whitespace: true, message: t('admin.reviews.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="hide-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
