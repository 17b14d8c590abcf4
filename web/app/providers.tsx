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
    },
  },
});

const theme: ThemeConfig = {
  token: { colorPrimary: '#1d4ed8', borderRadius: 6 },
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
