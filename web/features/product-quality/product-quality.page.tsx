import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { BrandFirms } from './brand-firms.tsx';
import { Catalogue } from './catalogue.tsx';
import { Exemptions } from './exemptions.tsx';
import { GroupStandards } from './group-standards.tsx';
import { IpStatistics } from './ip-statistics.tsx';
import { Makers } from './makers.tsx';

/**
 * Product quality and brands 质量提升: safety-related product makers graded, CCC-exempt follow-up, 品字标 firms, group standards, IP
 * statistics and the sampling catalogue — one tab per concern (the tab is in the URL).
 */
export function ProductQualityPage() {
  const { t } = useTranslation('product-quality');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'makers';
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'makers', label: t('tabs.makers'), children: <Makers /> },
          { key: 'ccc', label: t('tabs.ccc'), children: <Exemptions /> },
          { key: 'brands', label: t('tabs.brands'), children: <BrandFirms /> },
          { key: 'standards', label: t('tabs.standards'), children: <GroupStandards /> },
          { key: 'ip', label: t('tabs.ip'), children: <IpStatistics /> },
          { key: 'catalogue', label: t('tabs.catalogue'), children: <Catalogue /> },
        ]}
      />
    </>
  );
}
