import { Form, Input, Modal, Rate, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import type { ReviewInput } from '../api/review-mutations';

export const MAX_REVIEW_LENGTH = 2000;

interface ReviewFormModalProps {
  open: boolean;
  productName: string;
  /** The review being edited; none for a new one. */
  initial?: ReviewInput;
  saving: boolean;
  onSubmit: (input: ReviewInput) => Promise<unknown>;
  onClose: () => void;
}

/** Stars (required) and a plain-text review (optional), for writing or editing one. */
export function ReviewFormModal({ open, productName, initial, saving, onSubmit, onClose }: ReviewFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<ReviewInput>();
  const starLabels = t('reviews.starLabels', { returnObjects: true }) as string[];

  const submit = async (values: ReviewInput) => {
    try {
      await onSubmit({ rating: values.rating, text: values.text?.trim() || undefined });
      void message.success(t('reviews.saved'));
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <Modal
      open={open}
      title={initial ? t('reviews.editReview') : t('reviews.write')}
      okText={t('reviews.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'review-submit' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{productName}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} preserve={false}>
        <Form.Item name="rating" label={t('reviews.rating')} rules={[{ required: true, message: t('reviews.ratingRequired') }]}>
          <Rate tooltips={starLabels} data-testid="review-rating" />
        </Form.Item>
        <Form.Item name="text" label={t('reviews.text')}>
          <Input.TextArea rows={4} maxLength={MAX_REVIEW_LENGTH} showCount placeholder={t('reviews.textPlaceholder')} data-testid="review-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
