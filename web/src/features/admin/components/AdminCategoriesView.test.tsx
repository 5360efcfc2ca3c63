import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/test/fetch-mock';
import { admin } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import type { AdminCategory } from '@/types/api';
import { AdminCategoriesView } from './AdminCategoriesView';

const category = (id: string, productCount: number, parentId: string | null = null, archived = false): AdminCategory => ({
  id, name: `名${id}`, nameEn: `N${id}`, parentId, color: '#1677ff', archived, productCount,
});

const list = [category('pets', 2), category('home', 0), category('cat-food', 3, 'pets'), category('old', 0, null, true)];

describe('admin categories', () => {
  it('lists subcategories under their parent and archived ones last', async () => {
    mockApi({ 'GET /api/admin/categories': { body: list } });
    renderWithApp(<AdminCategoriesView />, { user: admin });
    await waitFor(() => expect(screen.getAllByTestId('admin-category-row')).toHaveLength(4));
    expect(screen.getAllByTestId('admin-category-row').map((row) => row.getAttribute('data-category-id'))).toEqual(['pets', 'cat-food', 'home', 'old']);
    expect(screen.getAllByTestId('admin-category-row')[3]).toHaveTextContent('Archived');
  });

  it('asks where to move the products before archiving a category that has some', async () => {
    const server = mockApi({
      'GET /api/admin/categories': { body: list },
      'POST /api/admin/categories/cat-food/archive': { body: { ...category('cat-food', 0, 'pets', true) } },
    });
    const { user } = renderWithApp(<AdminCategoriesView />, { user: admin });
    const row = (await screen.findAllByTestId('admin-category-row'))[1];
    await user.click(within(row).getByTestId('archive-category'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('3 products are filed under this category');
    await user.click(within(dialog).getByTestId('archive-category-confirm'));
    expect(await within(dialog).findByText('Please fill this in')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByTitle('Nhome'));
    await user.click(within(dialog).getByTestId('archive-category-confirm'));
    await waitFor(() => expect(server.callsTo('POST /api/admin/categories/cat-food/archive')).toHaveLength(1));
    expect(server.callsTo('POST /api/admin/categories/cat-food/archive')[0].body).toEqual({ moveTo: 'home' });
  });

  it('moves a top-level category down with its subcategories', async () => {
    const server = mockApi({ 'GET /api/admin/categories': { body: list }, 'PUT /api/admin/categories': { body: list } });
    const { user } = renderWithApp(<AdminCategoriesView />, { user: admin });
    await user.click(await screen.findByRole('button', { name: 'Move 名pets down' }));
    await waitFor(() => expect(server.callsTo('PUT /api/admin/categories')).toHaveLength(1));
    expect(server.callsTo('PUT /api/admin/categories')[0].body).toEqual({ ids: ['home', 'pets', 'cat-food'] });
  });
});
