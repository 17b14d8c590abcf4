import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { AnnualReports } from './annual-reports.tsx';
import { Listings } from './listings.tsx';
import { Objections } from './objections.tsx';
import { Repairs } from './repairs.tsx';
import { SeriousList } from './serious-list.tsx';

/**
 * Credit supervision 信用监管: annual reports, the abnormal-operation list, the serious-violation list, credit repair
 * and objections — one tab per concern (the tab is in the URL).
 */
export function CreditPage() {
  const { t } = useTranslation('credit');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'reports';
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'reports', label: t('tabs.reports'), children: <AnnualReports /> },
          { key: 'abnormal', label: t('tabs.abnormal'), children: <Listings /> },
          { key: 'serious', label: t('tabs.serious'), children: <SeriousList /> },
          { key: 'repairs', label: t('tabs.repairs'), children: <Repairs /> },
          { key: 'objections', label: t('tabs.objections'), children: <Objections /> },
        ]}
      />
    </>
  );
}
