import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CalendarWarning } from '../../components/calendar-warning.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import type { JobRun, JobView } from '../../lib/api-types.ts';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { useJobRuns, useJobs } from './api.ts';

const outcomeColours: Record<string, string> = {
  succeeded: 'success',
  failed: 'error',
  busy: 'processing',
};

function OutcomeTag({ outcome }: { outcome: string }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <Tag color={outcomeColours[outcome] ?? 'default'} data-testid="job-outcome">
      {i18n.exists(`admin:jobs.outcomes.${outcome}`) ? t(`jobs.outcomes.${outcome}`) : outcome}
    </Tag>
  );
}

function countsText(counts: Record<string, number>, run: JobRun): string {
  const entries = Object.entries(counts);
  return entries.length
    ? entries.map(([key, count]) => `${run.countLabels[key] ?? key}: ${count.toLocaleString('zh-CN')}`).join(' · ')
    : '—';
}

export function JobListPage() {
  const { t } = useTranslation(['admin', 'shell']);
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const job = filter('job');
  const jobs = useJobs();
  const runs = useJobRuns({ job, page, pageSize });

  const descriptionOf = new Map((jobs.data?.items ?? []).map((row) => [row.name, row.description]));
  // The description is the job's name for a person; the code stays visible, small, for the logs.
  const jobColumns: TableProps<JobView>['columns'] = [
    {
      title: t('jobs.name'),
      dataIndex: 'description',
      render: (description: string, row) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 560, whiteSpace: 'normal' }}>
          <span>{description}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('jobs.schedule'), dataIndex: 'schedule', render: (schedule: string) => <Typography.Text code>{schedule}</Typography.Text> },
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
    {
      title: t('jobs.name'),
      dataIndex: 'job',
      render: (name: string) => (
        <span style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }}>{descriptionOf.get(name) ?? name}</span>
      ),
    },
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: formatDateTime },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: formatDateTime, responsive: ['md'] },
    { title: t('jobs.outcome'), dataIndex: 'outcome', render: (outcome: string) => <OutcomeTag outcome={outcome} /> },
    { title: t('jobs.counts'), dataIndex: 'counts', render: countsText },
    {
      title: t('jobs.error'),
      dataIndex: 'error',
      render: (error: string | null) =>
        error ? (
          <Typography.Text type="danger" style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
            {error}
          </Typography.Text>
        ) : (
          '—'
        ),
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
      <CalendarWarning />
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
        title={job ? t('jobs.runsOf', { job: descriptionOf.get(job) ?? job }) : t('jobs.runs')}
        extra={
          <Select
            aria-label={t('jobs.runs')}
            value={job ?? ''}
            onChange={(next: string) => setFilters({ job: next || undefined })}
            options={[
              { value: '', label: t('jobs.allJobs') },
              ...(jobs.data?.items ?? []).map((row) => ({ value: row.name, label: row.description })),
            ]}
            style={{ minWidth: 180, maxWidth: 360 }}
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
