import { Alert, Button, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { epidemicTeamRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type AlarmStatusFilter, type AlarmView, useAlarmStep, useAlarms } from './api.ts';

const statusColours: Record<AlarmView['status'], string> = { raised: 'red', seen: 'orange', investigating: 'blue', closed: 'default' };
const filters = ['open', 'raised', 'seen', 'investigating', 'closed'] as const;

/**
 * EARS alarms (预警): a street (or the whole district) whose symptomatic buyers rose above the C1, C2 or C3 limit on a
 * day. Staff see them (a station its own streets'); the epidemic team marks each seen, investigates and closes it
 * with a note — every step is in the audit trail.
 */
export function AlarmsPage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const isEpidemicTeam = hasAnyRole(me, epidemicTeamRoles);
  const { filter, setFilters } = useUrlListState();
  const status = (filter('status') ?? 'open') as AlarmStatusFilter;
  const alarms = useAlarms({ status });
  const step = useAlarmStep();
  const [noting, setNoting] = useState<{ id: number; action: 'investigate' | 'close' } | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const handleSee = async (id: number) => {
    setProblem(null);
    try {
      await step.mutateAsync({ id, action: 'see' });
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const handleNote = async () => {
    if (!noting) return;
    const { note } = await form.validateFields();
    try {
      await step.mutateAsync({ ...noting, note });
      setNoting(null);
      form.resetFields();
    } catch (error) {
      applyProblemToForm(form, error);
    }
  };
  return (
    <>
      <PageHeader
        title={t('alarms.title')}
        extra={
          <Segmented
            aria-label={t('alarms.status')}
            value={status}
            onChange={(value) => setFilters({ status: String(value) })}
            options={filters.map((value) => ({ value, label: t(`alarms.statuses.${value}`) }))}
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('alarms.explain')}</Typography.Paragraph>
      {alarms.error ? <Alert type="error" title={problemMessage(alarms.error)} /> : null}
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table<AlarmView>
        size="small"
        rowKey="id"
        loading={alarms.isFetching}
        dataSource={alarms.data?.items}
        pagination={{ pageSize: 50, total: alarms.data?.total ?? 0, showSizeChanger: false }}
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (row) => Boolean(row.investigationNote || row.closingNote),
          expandedRowRender: (row) => (
            <Flex vertical gap={4}>
              {row.investigationNote ? (
                <span>
                  {t('alarms.investigationNote')}：{row.investigationNote}（{formatDateTime(row.investigatedAt)}）
                </span>
              ) : null}
              {row.closingNote ? (
                <span>
                  {t('alarms.closingNote')}：{row.closingNote}（{formatDateTime(row.closedAt)}）
                </span>
              ) : null}
            </Flex>
          ),
        }}
        columns={[
          { title: t('alarms.day'), dataIndex: 'signalOn' },
          { title: t('alarms.area'), dataIndex: 'areaName' },
          {
            title: t('alarms.detectors'),
            key: 'detectors',
            render: (_value, row) => row.detectors.map((detector) => <Tag key={detector}>{detector}</Tag>),
          },
          { title: t('fields.symptomaticPeople'), dataIndex: 'observed' },
          {
            title: t('alarms.statistics'),
            key: 'statistics',
            responsive: ['lg'],
            render: (_value, row) =>
              (['c1', 'c2', 'c3'] as const)
                .map((key) => `${key.toUpperCase()} ${row[key] === null ? '—' : row[key]?.toFixed(2)}`)
                .join(' · '),
          },
          {
            title: t('alarms.status'),
            dataIndex: 'status',
            render: (value: AlarmView['status']) => <Tag color={statusColours[value]}>{t(`alarms.statuses.${value}`)}</Tag>,
          },
          { title: t('alarms.raisedAt'), dataIndex: 'raisedAt', responsive: ['md'], render: (value: string) => formatDateTime(value) },
          ...(isEpidemicTeam
            ? [
                {
                  title: t('alarms.actions'),
                  key: 'actions',
                  render: (_value: unknown, row: AlarmView) => (
                    <Flex gap={4} wrap>
                      {row.status === 'raised' ? (
                        <Button size="small" onClick={() => handleSee(row.id)} data-testid={`alarm-see-${row.id}`}>
                          {t('alarms.see')}
                        </Button>
                      ) : null}
                      {row.status === 'raised' || row.status === 'seen' ? (
                        <Button size="small" onClick={() => setNoting({ id: row.id, action: 'investigate' })}>
                          {t('alarms.investigate')}
                        </Button>
                      ) : null}
                      {row.status !== 'closed' ? (
                        <Button size="small" onClick={() => setNoting({ id: row.id, action: 'close' })}>
                          {t('alarms.close')}
                        </Button>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={noting !== null}
        title={noting ? t(`alarms.${noting.action}`) : ''}
        onOk={handleNote}
        confirmLoading={step.isPending}
        onCancel={() => setNoting(null)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('alarms.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
