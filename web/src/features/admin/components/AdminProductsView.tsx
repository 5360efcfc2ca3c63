import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Price } from '@/components/Price';
import { ProductImage } from '@/components/ProductImage';
import { QueryError } from '@/components/QueryError';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import type { ProductSummary } from '@/types/api';
import { useArchiveProduct } from '../api/archive-product';
import { useAdminProducts } from '../api/get-admin-products';
import { ProductFormModal, type CategoryOption } from './ProductFormModal';
import { StockModal } from './StockModal';

const PAGE_SIZE = 20;

export function AdminProductsView({ categories }: { categories: CategoryOption[] }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const products = useAdminProducts({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const archive = useArchiveProduct();
  const [editing, setEditing] = useState<{ id?: string } | undefined>();
  const [stockFor, setStockFor] = useState<ProductSummary>();
  const categoryLabel = new Map(categories.map((c) => [c.value, c.label]));

  const setQuery = (next: { q?: string; page?: number }) => {
    const merged = { q: next.q ?? q, page: next.page ?? 1 };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search);
  };

  return (
    <div data-testid="admin-products">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('admin.products')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('catalog.searchPlaceholder')}
            aria-label={t('catalog.searchPlaceholder')}
            onSearch={(value) => setQuery({ q: value.trim() })}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="admin-product-search"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="admin-product-create">
            {t('admin.newProduct')}
          </Button>
        </Space>
      </Space>
      {products.isError && !products.data ? (
        <QueryError error={products.error} onRetry={() => void products.refetch()} />
      ) : (
        <Table<ProductSummary>
          rowKey="id"
          size="middle"
          loading={products.isFetching}
          dataSource={products.data?.items}
          scroll={{ x: 'max-content' }}
          onRow={(record) => ({ 'data-testid': 'admin-product-row', 'data-product-id': record.id }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: products.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setQuery({ page: next }),
          }}
          columns={[
            {
              key: 'image',
              width: 64,
              // A header for screen readers: an empty one leaves the column unnamed.
              title: <span className="shop-visually-hidden">{t('admin.picture')}</span>,
              render: (_, p) => <ProductImage src={p.imageUrl} alt={p.name} size={48} />,
            },
            { title: t('admin.productName'), dataIndex: 'name', render: (name: string, p) => <a href={`/products/${p.id}`} target="_blank" rel="noreferrer">{name}</a> },
            { title: t('catalog.category'), dataIndex: 'category', render: (id: string) => categoryLabel.get(id) ?? id },
            { title: t('catalog.price'), dataIndex: 'price', align: 'right', render: (fen: number) => <Price fen={fen} /> },
            {
              title: t('admin.stock'),
              dataIndex: 'stock',
              align: 'right',
              render: (stock: number) => <Tag color={stock === 0 ? 'red' : stock < 10 ? 'orange' : 'green'} data-testid="admin-product-stock">{stock}</Tag>,
            },
            {
              title: t('admin.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, p) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing({ id: p.id })} data-testid="admin-product-edit">
                    {t('common.edit')}
                  </Button>
                  <Button size="small" onClick={() => setStockFor(p)} data-testid="admin-product-stock-edit">
                    {t('admin.stock')}
                  </Button>
                  <Popconfirm
                    title={t('admin.confirmArchive', { name: p.name })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    okButtonProps={{ 'data-testid': 'admin-product-archive-confirm' } as ButtonProps}
                    onConfirm={() =>
                      archive.mutate(p.id, {
                        onSuccess: () => void message.success(t('admin.archived')),
                        onError: (error) => void message.error(errorMessage(error, t)),
                      })
                    }
                  >
                    <Button size="small" danger data-testid="admin-product-archive">
                      {t('admin.archive')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ProductFormModal
        open={Boolean(editing)}
        productId={editing?.id}
        categories={categories}
        onClose={() => setEditing(undefined)}
        onSaved={(name) => {
          void message.success(t('admin.productSaved', { name }));
          setEditing(undefined);
        }}
      />
      <StockModal product={stockFor} onClose={() => setStockFor(undefined)} />
    </div>
  );
}
