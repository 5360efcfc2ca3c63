import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * The home page's big search box: it only navigates, the product list does the searching. A plain form drawn as
 * antd's large Input.Search (first-screen.css, styles.css): the markup the server's first screen already shows,
 * and none of antd's Input machinery (~10 kB) in the home page's first download. The browser's own clear button
 * stands in for allowClear.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <form
      className="shop-pre-search shop-search"
      action="/products"
      role="search"
      data-testid="home-search"
      onSubmit={(event) => {
        event.preventDefault();
        const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
        void navigate(q ? `/products?q=${encodeURIComponent(q)}` : '/products');
      }}
    >
      <input type="search" name="q" placeholder={t('catalog.searchPlaceholder')} aria-label={t('catalog.searchPlaceholder')} enterKeyHint="search" />
      <button type="submit">{t('catalog.search')}</button>
    </form>
  );
}
