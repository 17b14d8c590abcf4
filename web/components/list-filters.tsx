import { Flex, Input, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../lib/media-query.ts';

/*
 * The filters above a work queue (complaints, cases): a search, choices from a vocabulary, on/off switches. Each
 * filter lives in the URL (useUrlListState); on a phone they stack full width.
 */

export function FilterBar({ children }: { children: ReactNode }) {
  const isPhone = useIsPhone();
  return (
    <Flex gap={8} wrap vertical={isPhone} style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

export function SearchFilter({ label, value, onSearch }: { label: string; value?: string; onSearch: (q: string) => void }) {
  const isPhone = useIsPhone();
  return (
    <Input.Search
      placeholder={label}
      aria-label={label}
      defaultValue={value}
      allowClear
      onSearch={onSearch}
      style={{ width: isPhone ? '100%' : 220 }}
    />
  );
}

/** One value of a vocabulary, or none (cleared). */
export function ChoiceFilter<T extends string>(props: {
  label: string;
  value?: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T | undefined) => void;
  width?: number;
  testId?: string;
}) {
  const isPhone = useIsPhone();
  return (
    <Select<string>
      value={props.value}
      placeholder={props.label}
      aria-label={props.label}
      allowClear
      onChange={(value?: string) => props.onChange(props.values.find((known) => known === value))}
      options={props.values.map((value) => ({ value, label: props.labelOf(value) }))}
      style={{ width: isPhone ? '100%' : (props.width ?? 130) }}
      data-testid={props.testId}
    />
  );
}

/** A switch with its visible label (the label names the switch for a screen reader). */
export function SwitchFilter({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Flex align="center" gap={6}>
      <Switch id={id} checked={checked} onChange={onChange} aria-labelledby={`${id}-label`} />
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
    </Flex>
  );
}
