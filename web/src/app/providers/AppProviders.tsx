import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES builds: `antd/locale/*` are CommonJS copies that bundle a second set of locale modules.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '@/lib/i18n';
import { FeedbackProvider } from './FeedbackProvider';
import { theme } from './theme';

const ANTD_LOCALE = { 'zh-CN': zhCN, 'en-US': enUS } as const;

/**
 * Popups (select lists, menus) open inside the landmark of what opened them (header, main), not loose in
 * <body>, so that assistive technology finds all content in a landmark (axe: region).
 */
const popupContainer = (trigger?: HTMLElement) => trigger?.closest<HTMLElement>('header, main, footer') ?? document.body;

/** antd's locale follows i18next (and dates too, see lib/format-date), so they switch together. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <ConfigProvider locale={ANTD_LOCALE[language]} theme={theme} getPopupContainer={popupContainer}>
      {/* message, notification and modal for every page (useFeedback), shoppers' and admin's alike. */}
      <FeedbackProvider>{children}</FeedbackProvider>
    </ConfigProvider>
  );
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedAntd>{children}</LocalizedAntd>
    </QueryClientProvider>
  );
}
