import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import i18n from '../lib/i18n.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will answer the same again; only network trouble and 5xx are worth another try.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      // Offline, a query still asks once: the service worker answers the field pages from their last copy.
      networkMode: 'offlineFirst',
    },
  },
});

// Colours that pass WCAG 2.1 AA on white and on the grey page (#f5f5f5): text 4.5:1, focus rings 3:1. antd's own
// greys are lighter (secondary text #8c8c8c 3.4:1, placeholders 1.8:1): darker ones here.
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    colorTextDisabled: '#6b6b6b',
    colorTextQuaternary: '#6b6b6b',
    colorError: '#c9252c',
    colorWarning: '#a35200',
    colorSuccess: '#2f7d16',
    borderRadius: 6,
  },
};

function syncDayjsLocale(language: string) {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}
syncDayjsLocale(i18n.language);
i18n.on('languageChanged', syncDayjsLocale);

export function Providers({ children }: { children: ReactNode }) {
  // Re-renders on a language change, so antd's own texts (pagination, pickers, modals) follow it.
  const { i18n: instance } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={instance.language === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
