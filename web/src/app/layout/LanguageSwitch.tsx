import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { saveUserLanguage, setSessionUser, useToken } from '@/lib/session';
import type { Language } from '@/types/api';

/** 中文 | EN. Remembered in localStorage (lib/i18n); for a logged-in shopper also on the account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const token = useToken();
  const queryClient = useQueryClient();

  const change = (language: Language) => {
    void i18n.changeLanguage(language);
    if (token) {
      // The account's language picks the language of order emails; a failure here must not
      // undo the switch on screen.
      saveUserLanguage(language)
        .then((user) => setSessionUser(queryClient, user))
        .catch(() => undefined);
    }
  };

  return (
    <Segmented<Language>
      size="small"
      value={currentLanguage()}
      onChange={change}
      aria-label={t('nav.language')}
      data-testid="language-switch"
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh-CN" lang="zh-CN">中文</span> },
        { value: 'en-US', label: <span data-testid="lang-en-US" lang="en-US">EN</span> },
      ]}
    />
  );
}
