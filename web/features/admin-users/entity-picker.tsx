import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

interface EntityOption {
  id: number;
  name: string;
  creditCode: string;
}

interface EntityPickerProps {
  value?: number[];
  onChange?: (value: number[]) => void;
}

/** Picks the market entities an operator or market manager acts for, searching the registry by name or code. */
export function EntityPicker({ value = [], onChange }: EntityPickerProps) {
  const { t } = useTranslation('admin');
  const [query, setQuery] = useState('');
  const search = useQuery({
    queryKey: ['users', 'entity-picker', query],
    queryFn: ({ signal }) => api.get<Page<EntityOption>>('/entities', { q: query, pageSize: 20 }, signal),
    enabled: query.trim().length > 0,
  });
  const chosen = useQueries({
    queries: value.map((id) => ({
      queryKey: ['users', 'entity-picker', 'entity', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<EntityOption>(`/entities/${id}`, {}, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const options = new Map<number, EntityOption>();
  for (const result of chosen) if (result.data) options.set(result.data.id, result.data);
  for (const item of search.data?.items ?? []) options.set(item.id, item);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      filterOption={false}
      showSearch={{ onSearch: setQuery }}
      loading={search.isFetching}
      placeholder={t('users.entitiesPlaceholder')}
      aria-label={t('users.entitiesPlaceholder')}
      notFoundContent={query ? t('users.entitiesNone') : t('users.entitiesHint')}
      options={[...options.values()].map((entity) => ({ value: entity.id, label: `${entity.name}（${entity.creditCode}）` }))}
      data-testid="entity-picker"
    />
  );
}
