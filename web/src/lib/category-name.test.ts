import { describe, expect, it } from 'vitest';
import { categoryTree } from './category-name';

const c = (id: string, parentId: string | null = null) => ({ id, name: `名${id}`, nameEn: `N${id}`, parentId });

describe('categoryTree', () => {
  it('puts each subcategory after its parent, labelled with both names, in the shop order', () => {
    const tree = categoryTree([c('pets'), c('home'), c('cat-food', 'pets'), c('rugs', 'home'), c('dog-food', 'pets')], 'en-US');
    expect(tree.map((n) => [n.category.id, n.depth, n.label])).toEqual([
      ['pets', 0, 'Npets'],
      ['cat-food', 1, 'Npets / Ncat-food'],
      ['dog-food', 1, 'Npets / Ndog-food'],
      ['home', 0, 'Nhome'],
      ['rugs', 1, 'Nhome / Nrugs'],
    ]);
  });

  it('shows a subcategory whose parent is not listed on its own', () => {
    expect(categoryTree([c('rugs', 'gone')], 'zh-CN').map((n) => [n.category.id, n.depth, n.label])).toEqual([['rugs', 0, '名rugs']]);
  });
});
