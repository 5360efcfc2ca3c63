import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '@/locales/zh-CN';
import type { Language } from '@/types/api';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'shop.lang';

/**
 * zh-CN (the default) ships with the app; en-US is a separate chunk, loaded the first time it is
 * needed: i18next asks this backend for any language it has no resources for, and switches (or
 * finishes init) only once they are in.
 */
const loadOnDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en-US') return callback(null, {});
    import('@/locales/en-US').then(
      (resources) => callback(null, resources.default),
      (error: Error) => callback(error, false),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

// <html lang> and the remembered choice follow i18next, whoever changed the language.
i18n.on('languageChanged', (lng) => {
  if (!isLanguage(lng)) return;
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
});

/** Resolves once the language's texts are loaded (at once for zh-CN). */
export function initI18n(language: Language = storedLanguage()): Promise<unknown> {
  document.documentElement.lang = language;
  if (!i18n.isInitialized) {
    return i18n
      .use(loadOnDemand)
      .use(initReactI18next)
      .init({
        resources: { 'zh-CN': { translation: zhCN } },
        partialBundledLanguages: true, // the bundled zh-CN, plus the backend for the rest
        lng: language,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: LANGUAGES as Language[],
        interpolation: { escapeValue: false }, // React escapes already
        returnNull: false,
      });
  }
  return i18n.language === language ? Promise.resolve() : i18n.changeLanguage(language);
}

export { i18n };
