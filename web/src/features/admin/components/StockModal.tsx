import { Form, InputNumber, Modal, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import type { ProductSummary } from '@/types/api';
import { useAdminProduct } from '../api/get-admin-product';
import { changedProduct, type ProductBaseline } from '../api/if-match';
import { useSetStock } from '../api/set-stock';

interface StockModalProps {
  product?: ProductSummary;
  onClose: () => void;
}

/**
 * Sets a product's stock. The stock shown is read when the modal opens, and the write is made over
 * that reading (If-Match): if an order or another admin changed the product meanwhile, the save is
 * refused, the current stock is shown, and saving again writes over it.
 */
export function StockModal({ product, onClose }: StockModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ stock: number }>();
  const setStock = useSetStock();
  const fresh = useAdminProduct(product?.id);
  const [baseline, setBaseline] = useState<ProductBaseline>();

  // When the modal opens on a product, and with each fresh reading of it: the reading becomes the
  // baseline (adjusted while rendering) and the field shows its stock (antd's form store, in an effect).
  const [synced, setSynced] = useState<{ product: typeof product; read: typeof fresh.data }>();
  if (!synced || synced.product !== product || synced.read !== fresh.data) {
    setSynced({ product, read: fresh.data });
    if (product) setBaseline(fresh.data ? { revision: fresh.data.revision, stock: fresh.data.stock } : undefined);
  }
  useEffect(() => {
    if (!product) return;
    form.setFieldsValue({ stock: fresh.data?.stock ?? product.stock });
  }, [product, fresh.data, form]);

  const onFinish = ({ stock }: { stock: number }) =>
    product &&
    setStock.mutate(
      { id: product.id, stock, revision: baseline?.revision },
      {
        onSuccess: () => {
          void message.success(t('admin.stockSaved'));
          onClose();
        },
        onError: (error) => {
          const current = changedProduct(error);
          if (current) setBaseline(current);
          form.setFields([{ name: 'stock', errors: [errorMessage(error, t)] }]);
        },
      },
    );

  return (
    <Modal
      open={Boolean(product)}
      title={t('admin.setStockFor', { name: product?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={setStock.isPending}
      okButtonProps={{ 'data-testid': 'stock-save' } as ButtonProps}
      forceRender
    >
      {/* A name of its own: its field's id would otherwise be "stock", as the product form's is, and the label
          would point at that one (both forms are in the page). */}
      <Form form={form} name="stock-form" layout="vertical" onFinish={onFinish}>
        <Form.Item name="stock" label={t('admin.availableStock')} extra={t('admin.stockHint')} rules={[{ required: true, message: t('validation.required') }, { type: 'number', min: 0, max: 1_000_000, message: t('validation.stockRange') }]}>
          {/* No min: a negative number gets a message instead of silently becoming 0. */}
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="stock-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
