import { Segmented, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findingKinds } from '../../../shared/vocabularies/cold-chain.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { oneOf, useUrlListState } from '../../lib/url-state.ts';
import { type FindingView, useFindings } from './api.ts';

const kindColours = { loop_gap: 'orange', oversell: 'red', shipped_not_received: 'volcano' } as const;

/** 闭环问题: balance gaps, oversells and shipments never scanned in, for the station (its streets) or the operator (its own). */
export function FindingsPage() {
  const { t } = useTranslation('cold-chain');
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const state = oneOf(['open', 'closed'] as const, filter('state')) ?? 'open';
  const kind = oneOf(findingKinds, filter('kind'));
  const findings = useFindings({ page, pageSize, state, ...(kind ? { kind } : {}) });
  return (
    <>
      <PageHeader title={t('findings.title')} />
      <Segmented
        value={state}
        onChange={(value) => setFilters({ state: value === 'open' ? undefined : String(value) })}
        options={[
          { value: 'open', label: t('findings.open') },
          { value: 'closed', label: t('findings.closed') },
        ]}
        style={{ marginBottom: 12, marginRight: 8 }}
      />
      <Select
        allowClear
        aria-label={t('findings.kind')}
        placeholder={t('findings.kind')}
        value={kind}
        onChange={(value) => setFilters({ kind: value })}
        options={findingKinds.map((value) => ({ value, label: t(`findingKinds.${value}`) }))}
        style={{ width: 200, marginBottom: 12 }}
      />
      <Table<FindingView>
        rowKey="id"
        size="small"
        loading={findings.isFetching}
        dataSource={findings.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize, total: findings.data?.total ?? 0, onChange: setPaging }}
        columns={[
          {
            title: t('findings.kind'),
            dataIndex: 'kind',
            render: (value: FindingView['kind']) => <Tag color={kindColours[value]}>{t(`findingKinds.${value}`)}</Tag>,
          },
          {
            title: t('fields.traceCode'),
            dataIndex: 'code',
            render: (code: string) => (
              <Link to={`/cold-chain/scan?code=${code}`}>
                <code>{code}</code>
              </Link>
            ),
          },
          { title: t('findings.holder'), dataIndex: 'holderName' },
          {
            title: t('findings.amount'),
            key: 'amount',
            render: (_, row) => `${Number(row.amount)} ${t(`units.${row.unit}`, { defaultValue: row.unit })}`,
          },
          { title: t('findings.openedOn'), dataIndex: 'openedOn', render: (day: string) => formatDate(day) },
          { title: t('findings.closedOn'), dataIndex: 'closedOn', render: (day: string | null) => (day ? formatDate(day) : '—') },
        ]}
      />
    </>
  );
}
