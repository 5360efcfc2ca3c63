import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '@/lib/feedback';
import { orderNumber } from '@/lib/order-number';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import type { Order } from '@/types/api';
import { useShipOrder } from '../api/ship-order';

export function ShipOrderModal({ order, onClose }: { order?: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ carrier: string; trackingNumber: string }>();
  const ship = useShipOrder();

  useEffect(() => {
    if (order) form.resetFields();
  }, [order, form]);

  const onFinish = (values: { carrier: string; trackingNumber: string }) =>
    order &&
    ship.mutate(
      { id: order.id, carrier: values.carrier.trim(), trackingNumber: values.trackingNumber.trim() },
      {
        onSuccess: () => {
          void message.success(t('admin.shipped'));
          onClose();
        },
        onError: (error) => {
          const unmatched = applyProblemToForm(form, error, ['carrier', 'trackingNumber']);
          void message.error([errorMessage(error, t), ...unmatched].join(' '));
        },
      },
    );

  return (
    <Modal
      open={Boolean(order)}
      title={t('admin.shipOrder', { id: order ? orderNumber(order.id) : '' })}
      okText={t('admin.ship')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={ship.isPending}
      okButtonProps={{ 'data-testid': 'ship-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="carrier" label={t('admin.carrier')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('admin.trackingNumber')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input data-testid="ship-tracking" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
