import { Alert, Card, Col, DatePicker, Flex, Row, Skeleton, Statistic, Table, type TableProps, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { industrySections } from '../../../shared/industry.ts';
import { FiguresXlsxButton } from '../../components/figure-trend.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { formatCount } from '../../lib/number-format.ts';
import { type StatisticsView, useStatistics, useStreets } from './api.ts';
import { formatGrowth, streetLabel } from './registry-labels.ts';
import { StatisticsBarChart } from './statistics-chart.tsx';

/** The annual report's date: the demo district's figures are those of the end of 2020. */
/** Unless a date is chosen: today (the register as it stands). */
const defaultStatisticsDate = () => chinaToday();

type StatRow = StatisticsView['byKind'][number] & { label: string };
type Dimension = 'kind' | 'industry' | 'street' | 'status';

function growthColor(percent: number | null): string | undefined {
  if (percent === null || percent === 0) return undefined;
  return percent > 0 ? '#15803d' : '#b91c1c';
}

export function RegistryStatisticsPage() {
  const { t, i18n } = useTranslation(['registry', 'shell']);
  const language = i18n.language;
  const [searchParams, setSearchParams] = useSearchParams();
  const asOfParam = searchParams.get('asOf');
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : defaultStatisticsDate();
  const dimension = (searchParams.get('by') as Dimension | null) ?? 'kind';
  const statistics = useStatistics(asOf);
  const streets = useStreets();
  const data = statistics.data;

  const setParam = (name: string, value: string | undefined) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  const rows = useMemo((): Record<Dimension, StatRow[]> => {
    if (!data) return { kind: [], industry: [], street: [], status: [] };
    const sectionName = (letter: string) => {
      const section = industrySections.find((item) => item.letter === letter);
      return section ? `${letter} ${language === 'en' ? section.en : section.zh}` : letter;
    };
    return {
      kind: data.byKind.map((row) => ({ ...row, label: t(`kinds.${row.key}`, { defaultValue: row.key }) })),
      industry: data.byIndustrySection.map((row) => ({ ...row, label: sectionName(row.key) })),
      street: data.byStreet.map((row) => ({ ...row, label: streetLabel(streets.data?.items, row.key, language) })),
      status: data.byStatus.map((row) => ({
        key: row.key,
        count: row.count,
        countYearEarlier: 0,
        growthPercent: null,
        label: t(`statuses.${row.key}`),
      })),
    };
  }, [data, streets.data, language, t]);

  const countOf = (key: string) => data?.byKind.find((row) => row.key === key);
  const headline = (title: string, figure: StatisticsView['total'] | undefined, testId: string) => (
    <Col xs={24} sm={8}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={figure ? formatCount(figure.count) : '—'} />
        <Typography.Text type="secondary">
          {t('statistics.yoy')}{' '}
          <Typography.Text strong style={{ color: growthColor(figure?.growthPercent ?? null) }} data-testid={`${testId}-growth`}>
            {figure ? formatGrowth(figure.growthPercent, t) : '—'}
          </Typography.Text>
          {figure ? ` (${t('statistics.yearEarlierCount', { count: formatCount(figure.countYearEarlier) })})` : null}
        </Typography.Text>
      </Card>
    </Col>
  );

  const columns: TableProps<StatRow>['columns'] = [
    { title: t(`statistics.dimension.${dimension}`), dataIndex: 'label' },
    {
      title: t('statistics.count', { date: asOf }),
      dataIndex: 'count',
      align: 'right',
      render: (count: number) => formatCount(count),
    },
    ...(dimension === 'status'
      ? []
      : ([
          {
            title: t('statistics.countYearEarlier', { date: data?.yearEarlier ?? '' }),
            dataIndex: 'countYearEarlier',
            align: 'right',
            render: (count: number) => formatCount(count),
          },
          {
            title: t('statistics.growth'),
            dataIndex: 'growthPercent',
            align: 'right',
            render: (percent: number | null) => <span style={{ color: growthColor(percent) }}>{formatGrowth(percent, t)}</span>,
          },
        ] satisfies TableProps<StatRow>['columns'])),
  ];

  const current = rows[dimension];
  const chartSeries = useMemo(
    () =>
      dimension === 'status'
        ? [{ name: t('statistics.count', { date: asOf }), values: current.map((row) => row.count) }]
        : [
            { name: t('statistics.count', { date: asOf }), values: current.map((row) => row.count) },
            {
              name: t('statistics.countYearEarlier', { date: data?.yearEarlier ?? '' }),
              values: current.map((row) => row.countYearEarlier),
            },
          ],
    [current, dimension, asOf, data?.yearEarlier, t],
  );
  const chartCategories = useMemo(() => current.map((row) => (dimension === 'industry' ? row.key : row.label)), [current, dimension]);

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>{t('statistics.asOf')}</Typography.Text>
            <DatePicker
              value={dayjs(asOf)}
              allowClear={false}
              onChange={(value) => setParam('asOf', value ? value.format('YYYY-MM-DD') : undefined)}
              data-testid="statistics-date"
            />
            <FiguresXlsxButton period={asOf.slice(0, 4)} module="registry" />
          </Flex>
        }
      />
      {statistics.isError ? <Alert type="error" showIcon title={problemMessage(statistics.error)} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {headline(t('statistics.total'), data?.total, 'statistics-total')}
        {headline(t('kinds.enterprise'), countOf('enterprise'), 'statistics-enterprise')}
        {headline(t('kinds.individual'), countOf('individual'), 'statistics-individual')}
      </Row>
      <Card size="small">
        <Tabs
          activeKey={dimension}
          onChange={(key) => setParam('by', key === 'kind' ? undefined : key)}
          items={(['kind', 'industry', 'street', 'status'] as const).map((key) => ({ key, label: t(`statistics.by.${key}`) }))}
        />
        {statistics.isPending ? (
          <Skeleton active />
        ) : (
          <>
            {current.length > 0 ? <StatisticsBarChart categories={chartCategories} series={chartSeries} /> : null}
            <Table<StatRow>
              rowKey="key"
              columns={columns}
              dataSource={current}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              style={{ marginTop: 16 }}
              data-testid="statistics-table"
            />
          </>
        )}
      </Card>
    </>
  );
}
