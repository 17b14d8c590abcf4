import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Space, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import type { AuditEvent } from '../../lib/api-types.ts';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { useAuditEvents, useVerifyAuditChain } from './api.ts';
import { auditActionLabel } from './audit-labels.ts';

interface FilterForm {
  action?: string;
  username?: string;
  objectType?: string;
  objectId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const textFilters = ['action', 'username', 'objectType', 'objectId'] as const;

export function AuditLogPage() {
  const { t, i18n } = useTranslation(['admin', 'shell']);
  const [form] = Form.useForm<FilterForm>();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const search = {
    action: filter('action'),
    username: filter('username'),
    objectType: filter('objectType'),
    objectId: filter('objectId'),
    from: filter('from'),
    to: filter('to'),
    page,
    pageSize,
  };
  const events = useAuditEvents(search);
  const verify = useVerifyAuditChain();

  const handleSearch = (values: FilterForm) => {
    const [from, to] = values.period ?? [null, null];
    setFilters({
      ...Object.fromEntries(textFilters.map((name) => [name, values[name]?.trim()])),
      from: from?.startOf('day').toISOString(),
      to: to?.endOf('day').toISOString(),
    });
  };

  const handleReset = () => {
    form.resetFields();
    setFilters(Object.fromEntries([...textFilters, 'from', 'to'].map((name) => [name, undefined])));
  };

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, event) => (
        <Space size={4} wrap>
          <span>{event.actorUsername ?? '—'}</span>
          <RoleTags roles={event.actorRoles} />
        </Space>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Typography.Text title={action} data-testid="audit-action">
          {auditActionLabel(t, action, i18n.exists)}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, event) =>
        event.objectType
          ? `${i18n.exists(`admin:audit.objects.${event.objectType}`) ? t(`audit.objects.${event.objectType}`) : event.objectType}${event.objectId ? ` #${event.objectId}` : ''}`
          : '—',
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: string) => (
        <Tag color={outcome === 'success' || outcome === 'ok' ? 'success' : 'warning'}>
          {i18n.exists(`admin:audit.outcomes.${outcome}`) ? t(`audit.outcomes.${outcome}`) : outcome}
        </Tag>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—', responsive: ['md'] },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—', responsive: ['lg'] },
  ];

  const report = verify.data;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {report?.ok ? (
        <Alert type="success" showIcon closable title={t('audit.verifyOk', { checked: report.checked })} style={{ marginBottom: 16 }} />
      ) : null}
      {report && !report.ok ? (
        <Alert
          type="error"
          showIcon
          title={t('audit.verifyBrokenTitle')}
          description={
            <>
              {t('audit.verifyBrokenCount', { count: report.brokenCount, checked: report.checked })}
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {report.broken.map((link) => (
                  <li key={`${link.districtCode}-${link.seq}-${link.reason}`}>
                    {t('audit.verifyBroken', {
                      district: link.districtCode,
                      seq: link.seq,
                      reason: t(`audit.brokenReason.${link.reason}`, { defaultValue: link.reason }),
                    })}
                  </li>
                ))}
              </ul>
            </>
          }
          style={{ marginBottom: 16 }}
          data-testid="audit-broken"
        />
      ) : null}
      {verify.isError ? <Alert type="error" showIcon title={problemMessage(verify.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<FilterForm>
        form={form}
        layout="inline"
        onFinish={handleSearch}
        initialValues={{
          action: search.action,
          username: search.username,
          objectType: search.objectType,
          objectId: search.objectId,
          period: search.from || search.to ? [search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null] : null,
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="action">
          <Input placeholder={t('audit.action')} aria-label={t('audit.action')} allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="username">
          <Input placeholder={t('audit.username')} aria-label={t('audit.username')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="objectType">
          <Input placeholder={t('audit.objectType')} aria-label={t('audit.objectType')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="objectId">
          <Input placeholder={t('audit.objectId')} aria-label={t('audit.objectId')} allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="period">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('shell:actions.search')}
          </Button>
          <Button onClick={handleReset}>{t('shell:actions.reset')}</Button>
        </Space>
      </Form>
      {events.isError ? <Alert type="error" showIcon title={problemMessage(events.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditEvent>
        rowKey={(event) => `${event.districtCode}:${event.seq}`}
        columns={columns}
        dataSource={events.data?.items}
        loading={events.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        expandable={{
          rowExpandable: (event) => Object.keys(event.detail).length > 0,
          expandedRowRender: (event) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(event.detail, null, 2)}</pre>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('shell:status.total', { total }),
          onChange: setPaging,
        }}
        data-testid="audit-table"
      />
    </>
  );
}
