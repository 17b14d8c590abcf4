import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Pagination, Select, Spin, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type ComplaintListItem, complaintKinds, complaintStatuses, useComplaints, useFlagSummary } from './api.ts';
import { DueTag, statusColors } from './complaint-labels.tsx';
import { IntakeModal } from './intake-modal.tsx';

function oneOf<T extends string>(values: readonly T[], text: string | undefined): T | undefined {
  return values.find((value) => value === text);
}

/** The handlers' queue: nearest legal deadline first, flagged when near or past it. */
export function ComplaintListPage() {
  const { t } = useTranslation(['complaints', 'shell']);
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { data: me } = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const [isCreating, setCreating] = useState(false);
  const flags = useFlagSummary();
  const isOpen = filter('open') !== 'all';
  const params = {
    kind: oneOf(complaintKinds, filter('kind')),
    status: oneOf(complaintStatuses, filter('status')),
    flag: oneOf(['due_soon', 'overdue'] as const, filter('flag')),
    q: filter('q'),
    isOpen: isOpen ? true : undefined,
    page,
    pageSize,
  };
  const items = useComplaints(params);

  const columns: TableProps<ComplaintListItem>['columns'] = [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      render: (number: string, item) => <Link to={`/complaints/${item.id}`}>{number}</Link>,
    },
    { title: t('fields.kind'), dataIndex: 'kind', render: (kind: ComplaintListItem['kind']) => t(`kinds.${kind}`) },
    { title: t('fields.respondent'), dataIndex: 'respondentName' },
    {
      title: t('fields.category'),
      dataIndex: 'category',
      responsive: ['lg'],
      render: (category: ComplaintListItem['category']) => t(`categories.${category}`),
    },
    { title: t('fields.receivedOn'), dataIndex: 'receivedOn', responsive: ['md'] },
    { title: t('fields.station'), dataIndex: 'stationName', responsive: ['lg'] },
    {
      title: t('fields.complainant'),
      dataIndex: 'complainantName',
      responsive: ['xl'],
      render: (name: string | null, item) => (item.isAnonymous ? t('fields.anonymous') : name),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (status: ComplaintListItem['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    {
      title: t('fields.due'),
      dataIndex: 'currentDue',
      render: (due: string | null, item) =>
        item.currentStep ? (
          <span>
            {t(`steps.${item.currentStep}`)} <DueTag due={due} flag={item.flag} />
          </span>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/complaints/statistics')}>
              {t('statistics')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-complaint">
              {t('new')}
            </Button>
          </>
        }
      />
      {flags.data && (flags.data.overdue > 0 || flags.data.dueSoon > 0) ? (
        <Alert
          type={flags.data.overdue > 0 ? 'error' : 'warning'}
          style={{ marginBottom: 12 }}
          data-testid="flag-summary"
          title={
            <Flex gap={12} wrap>
              <Button type="link" size="small" onClick={() => setFilters({ flag: 'overdue' })}>
                {t('flags.overdue', { count: flags.data.overdue })}
              </Button>
              <Button type="link" size="small" onClick={() => setFilters({ flag: 'due_soon' })}>
                {t('flags.dueSoon', { count: flags.data.dueSoon })}
              </Button>
              <span>{t('flags.open', { count: flags.data.open })}</span>
            </Flex>
          }
        />
      ) : null}
      <Flex gap={8} wrap vertical={isPhone} style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder={t('filters.search')}
          defaultValue={filter('q')}
          allowClear
          onSearch={(q) => setFilters({ q })}
          style={{ width: isPhone ? '100%' : 220 }}
        />
        <Select
          value={filter('kind')}
          placeholder={t('filters.kind')}
          allowClear
          onChange={(kind?: string) => setFilters({ kind })}
          options={complaintKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          style={{ width: isPhone ? '100%' : 130 }}
        />
        <Select
          value={filter('status')}
          placeholder={t('filters.status')}
          allowClear
          onChange={(status?: string) => setFilters({ status })}
          options={complaintStatuses.map((value) => ({ value, label: t(`statuses.${value}`) }))}
          style={{ width: isPhone ? '100%' : 130 }}
        />
        <Select
          value={filter('flag')}
          placeholder={t('filters.flag')}
          allowClear
          onChange={(flag?: string) => setFilters({ flag })}
          options={(['due_soon', 'overdue'] as const).map((value) => ({
            value,
            label: value === 'overdue' ? t('flags.overdue_one') : t('flags.due_soon'),
          }))}
          style={{ width: isPhone ? '100%' : 130 }}
          data-testid="filter-flag"
        />
        <Flex align="center" gap={6}>
          <Switch checked={isOpen} onChange={(checked) => setFilters({ open: checked ? undefined : 'all' })} />
          {t('filters.open')}
        </Flex>
      </Flex>
      {items.error ? <Alert type="error" title={problemMessage(items.error)} /> : null}
      {isPhone ? (
        <Spin spinning={items.isFetching}>
          {items.data?.items.length === 0 ? <Empty description={t('list.empty')} /> : null}
          <Flex vertical gap={8}>
            {(items.data?.items ?? []).map((item) => (
              <Card
                key={item.id}
                size="small"
                hoverable
                onClick={() => navigate(`/complaints/${item.id}`)}
                styles={{ body: { padding: 12 } }}
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{item.respondentName}</Typography.Text>
                  <Tag color={statusColors[item.status]}>{t(`statuses.${item.status}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {item.number} · {t(`kinds.${item.kind}`)} · {item.receivedOn}
                </Typography.Text>
                <div>
                  <DueTag due={item.currentDue} flag={item.flag} />
                </div>
              </Card>
            ))}
          </Flex>
          <Pagination
            style={{ marginTop: 12 }}
            size="small"
            current={page}
            pageSize={pageSize}
            total={items.data?.total ?? 0}
            onChange={setPaging}
          />
        </Spin>
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items.data?.items}
          loading={items.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: items.data?.total ?? 0,
            onChange: setPaging,
            showTotal: (total) => t('shell:status.total', { total }),
          }}
          data-testid="complaint-table"
        />
      )}
      {hasAnyRole(me, ['admin', 'leader', 'section', 'inspector']) ? (
        <IntakeModal open={isCreating} onClose={() => setCreating(false)} onCreated={(view) => navigate(`/complaints/${view.id}`)} />
      ) : null}
    </>
  );
}
