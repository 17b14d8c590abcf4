import { Alert, Flex, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settingsRoles } from '../../../shared/roles.ts';
import { FileImport, RowProblemsTable } from '../../components/file-import.tsx';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type IpImportResult, type IpStatisticsView, useImportIpExtract, useIpStatistics } from './api.ts';

type KindRow = IpStatisticsView['kinds'][number];
type FirmRow = IpStatisticsView['topFirms'][number];

/** IP and brand statistics by year with the change on the year before; section staff import the offices' extracts. */
export function IpStatistics() {
  const { t } = useTranslation('product-quality');
  const [year, setYear] = useState(2020);
  const stats = useIpStatistics(year);
  const me = useMe();
  const canImport = hasAnyRole(me.data, settingsRoles);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text>{t('fields.year')}</Typography.Text>
        <InputNumber aria-label={t('fields.year')} min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} />
      </Flex>
      <Table<KindRow>
        rowKey="kind"
        size="small"
        loading={stats.isLoading}
        dataSource={stats.data?.kinds}
        pagination={false}
        columns={[
          { title: t('fields.kind'), dataIndex: 'kind', render: (value: string) => t(`ipKinds.${value}`) },
          { title: t('fields.value'), dataIndex: 'value', align: 'right' },
          { title: t('fields.previous'), dataIndex: 'previous', align: 'right', render: (value: string | null) => value ?? '—' },
          {
            title: t('fields.change'),
            dataIndex: 'changePercent',
            align: 'right',
            render: (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(2)}%`),
          },
          { title: t('fields.firms'), dataIndex: 'firms', align: 'right' },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('ipFirms.title')}
      </Typography.Title>
      <Table<FirmRow>
        rowKey="creditCode"
        size="small"
        loading={stats.isLoading}
        dataSource={stats.data?.topFirms}
        pagination={false}
        data-testid="ip-top-firms"
        columns={[
          {
            title: t('fields.entity'),
            dataIndex: 'firmName',
            render: (value: string, row) =>
              row.entityId ? (
                <Link to={`/registry/entities/${row.entityId}`}>{value}</Link>
              ) : (
                <>
                  {value} <Typography.Text type="secondary">（{t('ipFirms.unlinked')}）</Typography.Text>
                </>
              ),
          },
          { title: t('fields.creditCode'), dataIndex: 'creditCode' },
          { title: t('ipFirms.inventions'), dataIndex: 'inventionApplications', align: 'right' },
          { title: t('ipFirms.trademarks'), dataIndex: 'trademarkApplications', align: 'right' },
        ]}
      />
      {canImport ? <IpImport /> : null}
    </Flex>
  );
}

function IpImport() {
  const { t } = useTranslation('product-quality');
  return (
    <FileImport<IpImportResult>
      title={t('import.title')}
      hint={t('import.hint')}
      chooseLabel={t('import.choose')}
      testId="ip-import"
      upload={useImportIpExtract()}
      summary={(result) => ({ type: result.rejected ? 'warning' : 'success', title: t('import.summary', result) })}
      columnLabel={(field) => t(`import.columns.${field}`, { defaultValue: field })}
      details={(result) =>
        result.unlinked ? <Alert type="info" title={t('import.summaryUnlinked', result)} data-testid="ip-import-unlinked" /> : null
      }
      footer={(result) =>
        result.warnings.length ? (
          <RowProblemsTable rows={result.warnings} withoutColumn title={t('import.warnings')} data-testid="ip-import-warnings" />
        ) : null
      }
    />
  );
}
