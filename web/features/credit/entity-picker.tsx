import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntitySearch } from './api.ts';

/** An entity the user may act on, searched by name or credit code (the registry search is scoped). */
export function EntityPicker({ value, onChange, testId }: { value?: number; onChange?: (value: number) => void; testId: string }) {
  const { t } = useTranslation('credit');
  const [query, setQuery] = useState('');
  const entities = useEntitySearch(query);
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ onSearch: setQuery }}
      filterOption={false}
      loading={entities.isFetching}
      placeholder={t('searchEntity')}
      options={entities.data?.items.map((item) => ({ value: item.id, label: `${item.name}（${item.creditCode}）` }))}
      data-testid={testId}
    />
  );
}
