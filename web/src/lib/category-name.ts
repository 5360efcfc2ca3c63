import type { Category, Language } from '@/types/api';

/** Categories carry a Chinese `name` and an English `nameEn`; show the UI language's one. */
export function categoryName(category: Pick<Category, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en-US' && category.nameEn ? category.nameEn : category.name;
}
