import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '@/lib/feedback';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import type { AdminCategory } from '@/types/api';
import { type CategoryInput, useCreateCategory, useUpdateCategory } from '../api/admin-categories';

interface CategoryFormModalProps {
  open: boolean;
  /** The category being edited; none to create one. */
  category?: AdminCategory;
  /** The categories a subcategory can go under: active top-level ones. */
  parents: AdminCategory[];
  /** Whether the edited category has subcategories (then it stays at the top level). */
  hasChildren: boolean;
  onClose: () => void;
}

/** Names in both languages and, for a subcategory, its parent; a new one may be given its id. */
export function CategoryFormModal({ open, category, parents, hasChildren, onClose }: CategoryFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<CategoryInput>();
  const create = useCreateCategory();
  const update = useUpdateCategory();

  const submit = (values: CategoryInput) => {
    const input = { ...values, id: values.id?.trim() || undefined, parentId: values.parentId || null };
    const saving = category ? update.mutateAsync({ ...input, id: category.id }) : create.mutateAsync(input);
    saving.then(
      () => {
        void message.success(t('admin.categories.saved'));
        onClose();
      },
      (error: unknown) => {
        const unmatched = applyProblemToForm(form, error, ['id', 'name', 'nameEn', 'parentId']);
        void message.error([errorMessage(error, t), ...unmatched].join(' '));
      },
    );
  };

  return (
    <Modal
      open={open}
      title={category ? t('admin.categories.edit') : t('admin.categories.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'category-form-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}
        initialValues={category ? { name: category.name, nameEn: category.nameEn, parentId: category.parentId } : undefined}>
        <Form.Item name="name" label={t('admin.categories.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={40} data-testid="category-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.categories.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={40} data-testid="category-name-en" />
        </Form.Item>
        {!category && (
          <Form.Item name="id" label={t('admin.categories.id')} extra={t('admin.categories.idHint')}
            rules={[{ pattern: /^[a-z][a-z0-9-]{1,39}$/, message: t('admin.categories.idInvalid') }]}>
            <Input maxLength={40} data-testid="category-id" />
          </Form.Item>
        )}
        <Form.Item name="parentId" label={t('admin.categories.parent')} extra={hasChildren ? t('admin.categories.parentLocked') : undefined}>
          <Select
            allowClear
            disabled={hasChildren}
            virtual={false}
            placeholder={t('admin.categories.topLevel')}
            options={parents.filter((p) => p.id !== category?.id).map((p) => ({ value: p.id, label: `${p.name} · ${p.nameEn}`, 'data-testid': `parent-option-${p.id}` }))}
            data-testid="category-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
