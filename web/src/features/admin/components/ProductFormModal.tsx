import { Alert, Form, Input, InputNumber, Modal, Select, Skeleton, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanString, parseYuanToFen } from '@/lib/money';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import { useCreateProduct } from '../api/create-product';
import { useAdminProduct } from '../api/get-admin-product';
import { changedProduct, type ProductBaseline } from '../api/if-match';
import type { ProductInput } from '../api/product-input';
import { useUpdateProduct } from '../api/update-product';

export interface CategoryOption {
  value: string;
  label: string;
}

interface ProductFormModalProps {
  open: boolean;
  /** Undefined: create a new product. */
  productId?: string;
  categories: CategoryOption[];
  onClose: () => void;
  onSaved: (name: string) => void;
}

interface FormValues {
  name: string;
  description: string;
  price: string;
  category: string;
  brand?: string;
  images?: string[];
  stock: number;
  lowStockThreshold?: number | null;
}

const FIELDS = ['name', 'description', 'price', 'category', 'brand', 'images', 'stock', 'lowStockThreshold'];

export function ProductFormModal({ open, productId, categories, onClose, onSaved }: ProductFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const existing = useAdminProduct(open ? productId : undefined);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const [error, setError] = useState<string>();
  // The stock and revision the admin's stock field is based on; a 412 moves it to the current ones.
  const [baseline, setBaseline] = useState<ProductBaseline>();
  const editing = Boolean(productId);

  // Each time the modal opens, and when the product arrives: the error goes and the product's stock and
  // revision become the baseline (adjusted while rendering), and the form shows the product (antd's form
  // store, an outside system, so in an effect).
  const [synced, setSynced] = useState<{ open: boolean; data: typeof existing.data }>();
  if (!synced || synced.open !== open || synced.data !== existing.data) {
    setSynced({ open, data: existing.data });
    if (open) {
      setError(undefined);
      if (existing.data) setBaseline({ revision: existing.data.revision, stock: existing.data.stock });
    }
  }
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (existing.data) {
      const p = existing.data;
      form.setFieldsValue({
        name: p.name,
        description: p.description,
        price: fenToYuanString(p.price),
        category: p.category,
        brand: p.brand ?? undefined,
        images: p.images ?? [],
        stock: p.stock,
        lowStockThreshold: p.lowStockThreshold ?? undefined,
      });
    }
  }, [open, existing.data, form]);

  const onFinish = (values: FormValues) => {
    const input: ProductInput = {
      name: values.name.trim(),
      description: values.description.trim(),
      price: parseYuanToFen(values.price)!, // validated by the form rule
      category: values.category,
      brand: values.brand?.trim() || undefined,
      images: values.images?.map((url) => url.trim()).filter(Boolean),
      // On edit, stock goes only when the admin changed it: the number shown was the stock when the
      // form opened, and sending it back unchanged would undo every reservation made since.
      stock: !productId || values.stock !== baseline?.stock ? values.stock : undefined,
      lowStockThreshold: values.lowStockThreshold ?? undefined,
    };
    // A new stock is written only over the stock it was decided from (If-Match).
    const revision = productId && input.stock !== undefined ? baseline?.revision : undefined;
    const handlers = {
      onSuccess: () => onSaved(input.name),
      onError: (err: unknown) => {
        const current = changedProduct(err);
        if (current) setBaseline(current); // saving again writes over what the message shows
        const unmatched = applyProblemToForm(form, err, FIELDS);
        setError([errorMessage(err, t), ...unmatched].join(' '));
      },
    };
    if (productId) update.mutate({ id: productId, ...input, revision }, handlers);
    else create.mutate(input, handlers);
  };

  return (
    <Modal
      open={open}
      title={editing ? t('admin.editProduct') : t('admin.newProduct')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'product-form-submit' } as ButtonProps}
      forceRender
    >
      {editing && existing.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ stock: 0, images: [] }} data-testid="product-form">
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Form.Item name="name" label={t('admin.productName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200, message: t('validation.maxLength', { max: 200 }) }]}>
            <Input data-testid="product-form-name" />
          </Form.Item>
          <Form.Item name="description" label={t('catalog.description')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} data-testid="product-form-description" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item
              name="price"
              label={t('admin.priceYuan')}
              style={{ flex: '1 1 140px' }}
              rules={[
                { required: true, message: t('validation.required') },
                { validator: (_, value: string) => (!value || (parseYuanToFen(value) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('admin.priceInvalid')))) },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" data-testid="product-form-price" />
            </Form.Item>
            <Form.Item name="stock" label={t('admin.stock')} style={{ flex: '1 1 120px' }} rules={[{ required: true, message: t('validation.required') }, { type: 'number', min: 0, max: 1_000_000, message: t('validation.stockRange') }]}>
              <InputNumber precision={0} style={{ width: '100%' }} data-testid="product-form-stock" />
            </Form.Item>
            <Form.Item
              name="lowStockThreshold"
              label={t('admin.lowStockThreshold')}
              tooltip={t('admin.lowStockThresholdHint')}
              style={{ flex: '1 1 120px' }}
              rules={[{ type: 'number', min: 0, max: 1_000_000, message: t('validation.stockRange') }]}
            >
              <InputNumber precision={0} placeholder="10" style={{ width: '100%' }} data-testid="product-form-low-stock" />
            </Form.Item>
          </div>
          <Form.Item name="category" label={t('catalog.category')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={categories} showSearch={{ optionFilterProp: 'label' }} virtual={false} data-testid="product-form-category" />
          </Form.Item>
          <Form.Item name="brand" label={t('catalog.brand')}>
            <Input data-testid="product-form-brand" />
          </Form.Item>
          <Form.Item name="images" label={t('admin.imageUrls')} extra={t('admin.imageUrlsHint')}>
            <Select mode="tags" open={false} tokenSeparators={[' ', ',']} data-testid="product-form-images" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
