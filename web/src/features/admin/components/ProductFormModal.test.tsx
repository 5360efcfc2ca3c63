import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { admin, product } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { ProductFormModal } from './ProductFormModal';

const categories = [
  { value: 'books', label: 'Books' },
  { value: 'toys', label: 'Toys' },
];

describe('admin product form', () => {
  it('creates a product with the price converted to fen exactly', async () => {
    const server = mockApi({ 'POST /api/admin/products': { status: 201, body: { ...product(), description: '', images: [], attributes: {} } } });
    const onSaved = vi.fn();
    const { user } = renderWithApp(<ProductFormModal open categories={categories} onClose={() => {}} onSaved={onSaved} />, { user: admin });
    const dialog = await screen.findByRole('dialog');

    await user.type(within(dialog).getByLabelText('Name'), ' Desk lamp ');
    await user.type(within(dialog).getByLabelText('Description'), 'Warm light');
    await user.type(within(dialog).getByLabelText('Price (¥)'), '1.15');
    await user.clear(within(dialog).getByLabelText('Stock'));
    await user.type(within(dialog).getByLabelText('Stock'), '12');
    await user.click(within(dialog).getByRole('combobox', { name: 'Category' }));
    await user.click(await screen.findByTitle('Toys'));
    await user.click(within(dialog).getByTestId('product-form-submit'));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Desk lamp'));
    expect(server.callsTo('POST /api/admin/products')[0].body).toEqual({
      name: 'Desk lamp',
      description: 'Warm light',
      price: 115,
      category: 'toys',
      images: [],
      stock: 12,
    });
  });

  it('refuses a negative stock with a message instead of saving 0', async () => {
    const server = mockApi({});
    const { user } = renderWithApp(<ProductFormModal open categories={categories} onClose={() => {}} onSaved={() => {}} />, { user: admin });
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Stock'));
    await user.type(within(dialog).getByLabelText('Stock'), '-5');
    await user.click(within(dialog).getByTestId('product-form-submit'));

    expect(await within(dialog).findByText('Enter a whole number from 0 to 1,000,000')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Stock')).toHaveValue('-5');
    expect(server.calls).toHaveLength(0);
  });

  it('rejects a price with three decimals and shows API field errors', async () => {
    const server = mockApi({ 'POST /api/admin/products': problem(400, 'Invalid product', { name: ['Name already used.'] }) });
    const { user } = renderWithApp(<ProductFormModal open categories={categories} onClose={() => {}} onSaved={() => {}} />, { user: admin });
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Lamp');
    await user.type(within(dialog).getByLabelText('Description'), 'x');
    await user.type(within(dialog).getByLabelText('Price (¥)'), '1.999');
    await user.click(within(dialog).getByTestId('product-form-submit'));
    expect(await within(dialog).findByText('Enter a price above zero, with at most two decimals')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('Price (¥)'));
    await user.type(within(dialog).getByLabelText('Price (¥)'), '2');
    await user.click(within(dialog).getByRole('combobox', { name: 'Category' }));
    await user.click(await screen.findByTitle('Books'));
    await user.click(within(dialog).getByTestId('product-form-submit'));
    expect(await within(dialog).findByText('Name already used.')).toBeInTheDocument();
  });

  it('sends the stock on edit only when the admin changed it', async () => {
    const existing = { ...product({ id: 'p-9', stock: 7 }), description: 'Old', images: [], attributes: {} };
    const server = mockApi({
      'GET /api/products/p-9': { status: 200, body: existing },
      'PUT /api/admin/products/p-9': { status: 200, body: existing },
    });
    const { user } = renderWithApp(
      <ProductFormModal open productId="p-9" categories={categories} onClose={() => {}} onSaved={() => {}} />,
      { user: admin },
    );
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveValue('Notebook'));

    await user.type(within(dialog).getByLabelText('Description'), ' and new');
    await user.click(within(dialog).getByTestId('product-form-submit'));
    await waitFor(() => expect(server.callsTo('PUT /api/admin/products/p-9')).toHaveLength(1));
    expect(server.callsTo('PUT /api/admin/products/p-9')[0].body).not.toHaveProperty('stock');

    await user.clear(within(dialog).getByLabelText('Stock'));
    await user.type(within(dialog).getByLabelText('Stock'), '30');
    await user.click(within(dialog).getByTestId('product-form-submit'));
    await waitFor(() => expect(server.callsTo('PUT /api/admin/products/p-9')).toHaveLength(2));
    expect(server.callsTo('PUT /api/admin/products/p-9')[1].body).toMatchObject({ stock: 30 });
  });
});
