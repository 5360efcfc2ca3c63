// Input.Search alone: antd's Input module also brings TextArea, Password and OTP.
import Search from 'antd/es/input/Search';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The home page's big search box: it only navigates, the product list does the searching. */
export function SearchBox({ size = 'large' }: { size?: 'large' | 'middle' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Search
      size={size}
      placeholder={t('catalog.searchPlaceholder')}
      aria-label={t('catalog.searchPlaceholder')}
      enterButton={t('catalog.search')}
      allowClear
      data-testid="home-search"
      onSearch={(value) => {
        const q = value.trim();
        void navigate(q ? `/products?q=${encodeURIComponent(q)}` : '/products');
      }}
    />
  );
}
