import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStreets } from '../lib/org-queries.ts';

/** One of the district's streets, named in the reader's language (a form's street when no business is picked). */
export function StreetSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { i18n } = useTranslation();
  const streets = useStreets();
  return (
    <Select<string>
      {...props}
      options={(streets.data?.items ?? []).map((street) => ({
        value: street.code,
        label: i18n.language === 'en' ? street.nameEn : street.name,
      }))}
    />
  );
}
