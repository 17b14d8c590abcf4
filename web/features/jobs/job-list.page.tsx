import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import type { JobRun, JobView } from '../../lib/api-types.ts';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { useJobRuns, useJobs } from './api.ts';

const outcomeColours: Record<string, string> = {
  success: 'success',
  ok: 'success',
  failed: 'error',
  error: 'error',
  running: 'processing',
};

function OutcomeTag({ outcome }: { outcome: string }) {
  return <Tag color={outcomeColours[outcome] ?? 'default'}>{outcome}</Tag>;
}

function countsText(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([name, count]) => `${name}: ${count}`).join(', ') : '—';
}

export function JobListPage() {
  const { t } = useTranslation(['admin', 'shell']);
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const job = filter('job');
  const jobs = useJobs();
  const runs = useJobRuns({ job, page, pageSize });

  const jobColumns: TableProps<JobView>['columns'] = [
    { title: t('jobs.name'), dataIndex: 'name', render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
    { title: t('jobs.schedule'), dataIndex: 'schedule', render: (schedule: string) => <Typography.Text code>{schedule}</Typography.Text> },
    { title: t('jobs.description'), dataIndex: 'description' },
    {
      title: t('jobs.lastRun'),
      key: 'lastRun',
      render: (_, row) =>
        row.lastRun ? (
          <Space size={4} wrap>
            <OutcomeTag outcome={row.lastRun.outcome} />
            <span>{formatDateTime(row.lastRun.startedAt)}</span>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>
        ),
    },
    {
      key: 'runs',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setFilters({ job: row.name })}>
          {t('jobs.showRuns')}
        </Button>
      ),
    },
  ];

  const runColumns: TableProps<JobRun>['columns'] = [
    { title: t('jobs.name'), dataIndex: 'job' },
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: formatDateTime },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: formatDateTime, responsive: ['md'] },
    { title: t('jobs.outcome'), dataIndex: 'outcome', render: (outcome: string) => <OutcomeTag outcome={outcome} /> },
    { title: t('jobs.counts'), dataIndex: 'counts', render: countsText },
    {
      title: t('jobs.error'),
      dataIndex: 'error',
      render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void Promise.all([jobs.refetch(), runs.refetch()])}>
            {t('shell:actions.refresh')}
          </Button>
        }
      />
      {jobs.isError ? <Alert type="error" showIcon title={problemMessage(jobs.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<JobView>
        rowKey="name"
        columns={jobColumns}
        dataSource={jobs.data?.items}
        loading={jobs.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        style={{ marginBottom: 24 }}
        data-testid="job-table"
      />
      <Card
        title={job ? t('jobs.runsOf', { job }) : t('jobs.runs')}
        extra={
          <Select
            value={job ?? ''}
            onChange={(next: string) => setFilters({ job: next || undefined })}
            options={[
              { value: '', label: t('jobs.allJobs') },
              ...(jobs.data?.items ?? []).map((row) => ({ value: row.name, label: row.name })),
            ]}
            style={{ minWidth: 180 }}
          />
        }
        styles={{ body: { padding: 0 } }}
      >
        {runs.isError ? <Alert type="error" showIcon title={problemMessage(runs.error)} /> : null}
        <Table<JobRun>
          rowKey="id"
          columns={runColumns}
          dataSource={runs.data?.items}
          loading={runs.isFetching}
          scroll={{ x: 'max-content' }}
          size="middle"
          pagination={{
            current: page,
            pageSize,
            total: runs.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('shell:status.total', { total }),
            onChange: setPaging,
            style: { paddingInline: 16 },
          }}
        />
      </Card>
    </>
  );
}
