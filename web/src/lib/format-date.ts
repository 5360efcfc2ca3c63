import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { Language } from '@/types/api';
import { currentLanguage } from './i18n';

// Only order pages show dates, so dayjs loads with them, not at start-up. The locale is chosen per
// call from i18next's language: no global dayjs locale to keep in step with language switches.
dayjs.extend(localizedFormat);

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

const localized = (iso: string) => dayjs(iso).locale(DAYJS_LOCALE[currentLanguage()]);

/** Date and time in the active language ("2025年1月2日 14:05" / "Jan 2, 2025 2:05 PM"). */
export function formatDateTime(iso: string | undefined): string {
  return iso ? localized(iso).format('lll') : '';
}

export function formatDate(iso: string | undefined): string {
  return iso ? localized(iso).format('ll') : '';
}
