import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../lib/api-types.ts';
import { changeLanguage, currentLanguage } from '../lib/i18n.ts';

/** Changes the language and refetches server data, whose messages and labels come in that language. */
export function useLanguageSwitch() {
  const queryClient = useQueryClient();
  useTranslation();
  const language = currentLanguage();
  const handleChange = async (next: Language) => {
    await changeLanguage(next);
    await queryClient.invalidateQueries();
  };
  return { language, changeTo: handleChange };
}

export function LanguageSwitch() {
  const { language, changeTo } = useLanguageSwitch();
  return (
    <Segmented<Language>
      size="small"
      value={language}
      onChange={(next) => void changeTo(next)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      data-testid="language-switch"
    />
  );
}
