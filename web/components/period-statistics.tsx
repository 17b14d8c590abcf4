import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useUrlListState } from '../lib/url-state.ts';

/** A statistics period kept in the URL (`from`, `to`); last calendar year unless chosen. */
export function usePeriod() {
  const { filter, setFilters } = useUrlListState();
  const lastYear = dayjs().year() - 1;
  return {
    from: filter('from') ?? `${lastYear}-01-01`,
    to: filter('to') ?? `${lastYear}-12-31`,
    setPeriod: (change: { from?: string; to?: string }) => setFilters(change),
  };
}

export function PeriodPicker({ labels }: { labels: { from: string; to: string } }) {
  const { from, to, setPeriod } = usePeriod();
  return (
    <Flex gap={8} wrap>
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
