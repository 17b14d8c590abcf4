import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useEntityOptions } from '../lib/org-queries.ts';

/**
 * A business picker for a form (the complaint intake, a new case): type to search the registry within the actor's
 * scope, pick one by name and address. Form.Item passes `value` and `onChange`.
 */
export function EntitySelect(props: Omit<SelectProps<number>, 'options' | 'showSearch' | 'allowClear'>) {
  const [query, setQuery] = useState('');
  const entities = useEntityOptions(query);
  return (
    <Select<number>
      {...props}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      options={(entities.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name}（${item.address}）` }))}
    />
  );
}
