import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's title: "<title> - Shop", or `title` alone with `whole`. The layout resets it to the shop's
 * name on every navigation (before pages' effects run), so a page without a title of its own shows that.
 * The server sends the same titles in the HTML (src/Shop.Api/Features/Web).
 */
export function useDocumentTitle(title: string | undefined, { whole = false } = {}) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (title) document.title = whole ? title : t('seo.pageTitle', { page: title });
  }, [title, whole, t, i18n.language]);
}
