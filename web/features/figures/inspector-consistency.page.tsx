import { Alert, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useYearParam, YearSelect } from '../../components/period-statistics.tsx';
import { type InspectorConsistencyView, useInspectorConsistency } from './api.ts';

type Row = InspectorConsistencyView['stations'][number] & { name?: string; userId?: number };

const percent = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`);

/** 干好干坏不一样: per inspector and station, for leaders and section staff. */
export function InspectorConsistencyPage() {
  const { t } = useTranslation('figures');
  const [year, setYear] = useYearParam();
  const view = useInspectorConsistency(year);
  const columns = (first: 'station' | 'inspector') => [
    first === 'station'
      ? { title: t('consistency.station'), dataIndex: 'station', key: 'station' }
      : { title: t('consistency.inspector'), key: 'name', render: (_: unknown, row: Row) => `${row.name} · ${row.station}` },
    { title: t('consistency.inspections'), dataIndex: 'inspections', key: 'inspections', align: 'right' as const },
    {
      title: t('consistency.meanScore'),
      dataIndex: 'meanScoreTenths',
      key: 'mean',
      align: 'right' as const,
      render: (value: number | null) => (value === null ? '—' : (value / 10).toFixed(2)),
    },
    {
      title: t('consistency.timeliness'),
      key: 'timeliness',
      align: 'right' as const,
      render: (_: unknown, row: Row) => `${percent(row.timelinessPercent)} (${row.rectificationsInTime}/${row.rectificationsDue})`,
    },
    {
      title: t('consistency.overturn'),
      key: 'overturn',
      align: 'right' as const,
      render: (_: unknown, row: Row) => `${percent(row.overturnPercent)} (${row.appealsUpheld}/${row.appealsDecided})`,
    },
    {
      title: t('consistency.nearCutOffs'),
      key: 'clustering',
      render: (_: unknown, row: Row) =>
        row.clustering.map((cutOff) => (
          <Tag key={cutOff.cutOffTenths} color={cutOff.isClustered ? 'red' : undefined}>
            {(cutOff.cutOffTenths / 10).toFixed(1)}: {cutOff.justBelow} ↓ / {cutOff.justAbove} ↑
          </Tag>
        )),
    },
    {
      title: t('consistency.flag'),
      key: 'flag',
      render: (_: unknown, row: Row) => (row.isFlagged ? <Tag color="red">{t('consistency.flagged')}</Tag> : null),
    },
  ];
  return (
    <>
      <PageHeader title={t('consistency.title')} extra={<YearSelect year={year} onChange={setYear} label={t('year')} />} />
      <Typography.Paragraph type="secondary">{t('consistency.explain')}</Typography.Paragraph>
      {view.error ? <Alert type="error" title={view.error.message} /> : null}
      {view.data ? (
        <>
          <Typography.Title level={4}>{t('consistency.byStation')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="station" dataSource={view.data.stations as Row[]} columns={columns('station')} />
          <Typography.Title level={4}>{t('consistency.byInspector')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="userId"
            dataSource={view.data.inspectors as Row[]}
            columns={columns('inspector')}
          />
        </>
      ) : (
        <Skeleton active />
      )}
    </>
  );
}
