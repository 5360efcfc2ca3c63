import { MenuOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The drawer and its menu load on the first tap: a phone's first page does not need them.
const MobileNavDrawer = lazy(() => import('./MobileNavDrawer'));

/** On a phone the whole header menu folds into a drawer behind one button. */
export function MobileNav() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);

  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('nav.openMenu')}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        data-testid="mobile-menu-button"
      />
      {opened && (
        <Suspense fallback={null}>
          <MobileNavDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
