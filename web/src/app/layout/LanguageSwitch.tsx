import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { saveUserLanguage, setSessionUser, useToken } from '@/lib/session';
import type { Language } from '@/types/api';

const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'EN' },
];

/**
 * 中文 | EN. Remembered in localStorage (lib/i18n); for a logged-in shopper also on the account. Two radios
 * drawn as antd's small Segmented (styles.css): the Segmented itself brought a tooltip and its popup
 * machinery into every page's first download.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const token = useToken();
  const queryClient = useQueryClient();
  const name = useId();
  const current = currentLanguage();

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
    <div className="shop-lang-switch" role="radiogroup" aria-label={t('nav.language')} data-testid="language-switch">
      {LANGUAGES.map(({ value, label }) => (
        <label key={value} className={value === current ? 'shop-lang-item shop-lang-item-selected' : 'shop-lang-item'}>
          {/* The radio lies over its label, so it is what a click or tap reaches. */}
          <input type="radio" name={name} value={value} checked={value === current} onChange={() => change(value)} data-testid={`lang-${value}`} />
          <span lang={value}>
            {label}
          </span>
        </label>
      ))}
    </div>
  );
}
