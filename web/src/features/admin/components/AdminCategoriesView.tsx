import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { categoryTree } from '@/lib/category-name';
import { useFeedback } from '@/lib/feedback';
import { currentLanguage } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { AdminCategory } from '@/types/api';
import { useAdminCategories, useArchiveCategory, useReorderCategories, useRestoreCategory } from '../api/admin-categories';
import { CategoryFormModal } from './CategoryFormModal';

type Row = AdminCategory & { depth: 0 | 1; label: string };

/** The active categories' order after moving one up (-1) or down (+1) among its siblings, subcategories with their parent. */
function moved(active: AdminCategory[], id: string, step: -1 | 1): string[] {
  const target = active.find((c) => c.id === id)!;
  const siblings = active.filter((c) => (c.parentId ?? null) === (target.parentId ?? null));
  const at = siblings.indexOf(target);
  const other = siblings[at + step];
  if (!other) return active.map((c) => c.id);
  const order = siblings.map((c) => c.id);
  [order[at], order[at + step]] = [other.id, target.id];
  // Siblings in their new order, each top-level one followed by its subcategories.
  const rank = new Map(order.map((cid, i) => [cid, i]));
  const sorted = [...active].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return categoryTree(sorted, 'zh-CN').map(({ category }) => category.id); // the language names labels only, not the order
}

/** Admins create, rename, nest, reorder, archive (moving the products elsewhere) and restore categories. */
export function AdminCategoriesView() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const language = currentLanguage();
  const categories = useAdminCategories();
  const reorder = useReorderCategories();
  const archive = useArchiveCategory();
  const restore = useRestoreCategory();
  const [editing, setEditing] = useState<AdminCategory | 'new'>();
  const [archiving, setArchiving] = useState<AdminCategory>();
  const [form] = Form.useForm<{ moveTo?: string }>();

  if (categories.isError) return <QueryError error={categories.error} onRetry={() => void categories.refetch()} />;
  const all = categories.data ?? [];
  const active = all.filter((c) => !c.archived);
  const rows: Row[] = [
    ...categoryTree(active, language).map(({ category, depth }) => ({ ...category, depth, label: category.name })),
    ...all.filter((c) => c.archived).map((c) => ({ ...c, depth: 0 as const, label: c.name })),
  ];
  const parents = active.filter((c) => !c.parentId);
  const hasChildren = (id: string) => active.some((c) => c.parentId === id);
  const fail = (error: unknown) => void message.error(errorMessage(error, t));

  const onMove = (id: string, step: -1 | 1) => reorder.mutate(moved(active, id, step), { onError: fail });
  const onArchive = (moveTo?: string) =>
    archiving &&
    archive.mutate(
      { id: archiving.id, moveTo },
      {
        onSuccess: () => {
          void message.success(t('admin.categories.archived'));
          setArchiving(undefined);
        },
        onError: fail,
      },
    );

  return (
    <div data-testid="admin-categories">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('admin.categories.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-category">
          {t('admin.categories.new')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={categories.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(c) => ({ 'data-testid': 'admin-category-row', 'data-category-id': c.id, 'data-archived': c.archived }) as object}
        columns={[
          {
            title: t('admin.categories.names'),
            key: 'name',
            render: (_: unknown, c) => (
              <span style={{ paddingLeft: c.depth * 24 }}>
                {c.depth === 1 && <span aria-hidden>└ </span>}
                <strong>{c.name}</strong> · {c.nameEn}
                {c.archived && <Tag style={{ marginLeft: 8 }}>{t('admin.categories.archivedTag')}</Tag>}
              </span>
            ),
          },
          // On a phone the id gives way, so that the names and actions fit.
          { title: t('admin.categories.id'), dataIndex: 'id', responsive: ['md'], render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t('admin.categories.products'), dataIndex: 'productCount', align: 'right', width: 100 },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, c) =>
              c.archived ? (
                <Button size="small" onClick={() => restore.mutate(c.id, { onError: fail })} data-testid="restore-category">
                  {t('admin.categories.restore')}
                </Button>
              ) : (
                <Space size={4} wrap>
                  <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('admin.categories.moveUp', { name: c.name })} onClick={() => onMove(c.id, -1)} />
                  <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('admin.categories.moveDown', { name: c.name })} onClick={() => onMove(c.id, 1)} />
                  <Button size="small" onClick={() => setEditing(c)} data-testid="edit-category">
                    {t('admin.categories.editShort')}
                  </Button>
                  <Button size="small" danger onClick={() => setArchiving(c)} data-testid="archive-category">
                    {t('admin.categories.archive')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <CategoryFormModal
        open={editing !== undefined}
        category={editing === 'new' ? undefined : editing}
        parents={parents}
        hasChildren={editing !== undefined && editing !== 'new' && hasChildren(editing.id)}
        onClose={() => setEditing(undefined)}
      />
      <Modal
        open={archiving !== undefined}
        title={t('admin.categories.archiveTitle', { name: archiving?.name ?? '' })}
        okText={t('admin.categories.archive')}
        okButtonProps={{ danger: true, 'data-testid': 'archive-category-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        confirmLoading={archive.isPending}
        onOk={() => (archiving?.productCount ? form.submit() : onArchive())}
        onCancel={() => setArchiving(undefined)}
        destroyOnHidden
      >
        {archiving?.productCount ? (
          <Form form={form} layout="vertical" preserve={false} onFinish={({ moveTo }) => onArchive(moveTo)}>
            <Typography.Paragraph>{t('admin.categories.moveProducts', { count: archiving.productCount })}</Typography.Paragraph>
            <Form.Item name="moveTo" label={t('admin.categories.moveTo')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select
                virtual={false}
                options={categoryTree(active.filter((c) => c.id !== archiving.id), language).map(({ category, label }) => ({
                  value: category.id,
                  label,
                  'data-testid': `move-option-${category.id}`,
                }))}
                data-testid="archive-move-to"
              />
            </Form.Item>
          </Form>
        ) : (
          <Typography.Paragraph>{t('admin.categories.archiveEmpty')}</Typography.Paragraph>
        )}
      </Modal>
    </div>
  );
}
