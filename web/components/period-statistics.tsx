import { Alert, Card, Col, DatePicker, Flex, Row, Select, Spin, Statistic, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { chinaYear } from '../lib/date-format.ts';
import { problemMessage } from '../lib/form-errors.ts';
import { useUrlListState } from '../lib/url-state.ts';
import { FiguresXlsxButton } from './figure-trend.tsx';
import { PageHeader } from './page-header.tsx';

/** The first year the platform has data for (the demo district starts in 2019). */
const firstYear = 2019;

/**
 * The one statistics period of every statistics page and the home page, kept in the URL (`from`, `to`) so it
 * survives reloads and links. Unless chosen: the whole of the current year.
 */
export function usePeriod() {
  const { filter, setFilters } = useUrlListState();
  const year = chinaYear();
  const from = filter('from') ?? `${year}-01-01`;
  const to = filter('to') ?? `${year}-12-31`;
  const wholeYear =
    from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31') ? Number(from.slice(0, 4)) : null;
  return {
    from,
    to,
    /** The year when the period is one whole year, else null. */
    wholeYear,
    /** The year whose monthly trend goes with the period: the whole year, else the year the period starts in. */
    trendYear: wholeYear ?? Number(from.slice(0, 4)),
    /** The period as the figures registry writes it: `2026` or `2026-03-01..2026-06-30`. */
    figurePeriod: wholeYear === null ? `${from}..${to}` : String(wholeYear),
    setPeriod: (change: { from?: string; to?: string }) => setFilters(change),
  };
}

/** The one year control: this year first, back to the first year with data. */
export function YearSelect({ year, onChange, label }: { year: number | undefined; onChange: (year: number) => void; label: string }) {
  const thisYear = chinaYear();
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index);
  return (
    <Select
      value={year}
      placeholder={label}
      aria-label={label}
      style={{ width: 110 }}
      options={years.map((value) => ({ value, label: String(value) }))}
      onChange={onChange}
    />
  );
}

/** A year in the URL (`?year=2020`) for pages about a whole year; last year by default: a year's report is written after it ends. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear() - 1;
  return [year, (next) => setParams({ year: String(next) })];
}

/** The shared period switch: a year (this year first), or any range of days. */
export function PeriodPicker({ labels }: { labels: { from: string; to: string; year?: string } }) {
  const { from, to, wholeYear, setPeriod } = usePeriod();
  return (
    <Flex gap={8} wrap data-testid="period-switch">
      <YearSelect
        year={wholeYear ?? undefined}
        label={labels.year ?? '—'}
        onChange={(year) => setPeriod({ from: `${year}-01-01`, to: `${year}-12-31` })}
      />
      <DatePicker
        value={dayjs(from)}
        allowClear={false}
        onChange={(day) => setPeriod({ from: day?.format('YYYY-MM-DD') })}
        aria-label={labels.from}
      />
      <DatePicker
        value={dayjs(to)}
        allowClear={false}
        onChange={(day) => setPeriod({ to: day?.format('YYYY-MM-DD') })}
        aria-label={labels.to}
      />
    </Flex>
  );
}

export interface Figure {
  title: string;
  value: string | number;
  suffix?: string;
  /** A line under the figure, e.g. the change on the year before. */
  note?: ReactNode;
}

/** The headline figures of a period, four to a row on a desktop, two on a phone. */
export function FigureCards({ figures, testId }: { figures: Figure[]; testId: string }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid={testId}>
      {figures.map((figure) => (
        <Col xs={12} md={6} key={figure.title}>
          <Card size="small">
            <Statistic title={figure.title} value={figure.value} suffix={figure.suffix} />
            {figure.note ?? null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export interface GroupTab<Group> {
  key: string;
  label: string;
  rows: Group[] | undefined;
  labelOf: (row: Group) => string;
}

/** The same figures broken down one way per tab (by station, by category, by industry…). */
export function GroupTabs<Group extends { key: string }>({
  tabs,
  columns,
}: {
  tabs: GroupTab<Group>[];
  columns: (labelOf: (row: Group) => string) => ColumnsType<Group>;
}) {
  return (
    <Tabs
      items={tabs.map(({ key, label, rows, labelOf }) => ({
        key,
        label,
        children: <Table rowKey="key" size="small" pagination={false} columns={columns(labelOf)} dataSource={rows} scroll={{ x: true }} />,
      }))}
    />
  );
}

/** A breakdown by station: the station's name. */
export function stationTab<Group extends { key: string; label: string }>(label: string, rows: Group[] | undefined): GroupTab<Group> {
  return { key: 'station', label, rows, labelOf: (row) => row.label };
}

/** A breakdown by industry section (GB/T 4754): its letter and name. */
export function industryTab<Group extends { key: string; label: string }>(label: string, rows: Group[] | undefined): GroupTab<Group> {
  return { key: 'industry', label, rows, labelOf: (row) => `${row.key} ${row.label}` };
}

/**
 * The frame of a module's statistics page (complaints, cases): the period picker and the figures' xlsx in the header,
 * the error of the figures' query, then the page's figures while they load.
 */
export function StatisticsFrame({
  title,
  module,
  figurePeriod,
  pickerLabels,
  error,
  isFetching,
  notice,
  children,
}: {
  title: string;
  /** The module whose figures the xlsx holds. */
  module: string;
  figurePeriod: string;
  pickerLabels: { from: string; to: string; year?: string };
  error: unknown;
  isFetching: boolean;
  /** Shown above the figures (e.g. the criteria a figure follows). */
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker labels={pickerLabels} />
            <FiguresXlsxButton period={figurePeriod} module={module} />
          </Flex>
        }
      />
      {error ? <Alert type="error" title={problemMessage(error)} /> : null}
      {notice}
      <Spin spinning={isFetching}>{children}</Spin>
    </>
  );
}
