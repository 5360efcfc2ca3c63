import type { Category, Language } from '@/types/api';

/** Categories carry a Chinese `name` and an English `nameEn`; show the UI language's one. */
export function categoryName(category: Pick<Category, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en-US' && category.nameEn ? category.nameEn : category.name;
}

type Named = Pick<Category, 'id' | 'name' | 'nameEn' | 'parentId'>;

/**
 * The categories as a one-level tree in the shop's order: each top-level category followed by its
 * subcategories, which read "Parent / Child" (a subcategory whose parent is not listed stands alone).
 */
export function categoryTree<C extends Named>(categories: readonly C[], language: Language): { category: C; label: string; depth: 0 | 1 }[] {
  const ids = new Set(categories.map((c) => c.id));
  const tops = categories.filter((c) => !c.parentId || !ids.has(c.parentId));
  return tops.flatMap((top) => [
    { category: top, label: categoryName(top, language), depth: 0 as const },
    ...categories
      .filter((c) => c.parentId === top.id)
      .map((child) => ({ category: child, label: `${categoryName(top, language)} / ${categoryName(child, language)}`, depth: 1 as const })),
  ]);
}
