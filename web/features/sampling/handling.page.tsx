import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, List, Modal, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  chinaToday,
  type HandlingView,
  handlingMeasures,
  handlingOutcomes,
  handlingStatuses,
  samplingRoles,
  useHandling,
  useUpdateHandling,
} from './api.ts';

function HandlingEditor({ task, onClose }: { task: HandlingView; onClose: () => void }) {
  const { t } = useTranslation('sampling');
  const { message } = App.useApp();
  const update = useUpdateHandling(task.id);
  const [form] = Form.useForm<{
    measures: HandlingView['measures'];
    status: HandlingView['status'];
    outcome?: HandlingView['outcome'];
    note: string;
    closedOn?: Dayjs;
  }>();
  return (
    <Modal
      open
      title={`${t('actions.edit')} · ${task.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: update.isPending }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...task, closedOn: task.closedOn ? dayjs(task.closedOn) : dayjs(chinaToday()) }}
        onFinish={(values) =>
          update.mutate(
            {
              measures: values.measures,
              status: values.status,
              outcome: values.outcome ?? null,
              note: values.note,
              closedOn: values.status === 'closed' ? (values.closedOn?.format('YYYY-MM-DD') ?? null) : null,
            },
            {
              onSuccess: () => {
                message.success(t('saved'));
                onClose();
              },
              onError: (error) => message.error(problemMessage(error)),
            },
          )
        }
      >
        <Form.Item name="measures" label={t('fields.measures')}>
          <Checkbox.Group options={handlingMeasures.map((value) => ({ value, label: t(`measure.${value}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('fields.status')}>
          <Select options={handlingStatuses.map((value) => ({ value, label: t(`handlingStatus.${value}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('fields.outcome')}>
          <Select allowClear options={handlingOutcomes.map((value) => ({ value, label: t(`outcome.${value}`) }))} />
        </Form.Item>
        <Form.Item name="closedOn" label={t('fields.closedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function HandlingPage() {
  const { t } = useTranslation('sampling');
  const { data: me } = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const status = handlingStatuses.find((value) => value === filter('status'));
  const isOverdue = filter('overdue') === '1' ? true : undefined;
  const tasks = useHandling({ status, isOverdue, page, pageSize });
  const [editing, setEditing] = useState<HandlingView>();
  const focus = Number(filter('focus'));

  return (
    <>
      <PageHeader title={t('title.handling')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('fields.status')}
          aria-label={t('fields.status')}
          value={status}
          onChange={(next?: string) => setFilters({ status: next })}
          style={{ width: 140 }}
          options={handlingStatuses.map((value) => ({ value, label: t(`handlingStatus.${value}`) }))}
        />
        <span>
          <Switch
            aria-label={t('fields.isOverdue')}
            checked={isOverdue === true}
            onChange={(checked) => setFilters({ overdue: checked ? '1' : undefined })}
          />{' '}
          {t('fields.isOverdue')}
        </span>
      </Flex>
      {tasks.error && <Alert type="error" title={problemMessage(tasks.error)} />}
      <List
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        pagination={{ current: page, pageSize, total: tasks.data?.total ?? 0, onChange: setPaging, size: 'small' }}
        renderItem={(task) => (
          <List.Item style={{ display: 'block', padding: 0, borderBlockEnd: 0 }}>
            <Card size="small" style={{ marginBottom: 8, borderColor: task.id === focus ? '#1677ff' : undefined }}>
              <Flex justify="space-between" wrap gap={8}>
                <div>
                  <Typography.Text strong>{task.entityName}</Typography.Text> ·{' '}
                  <Link to={`/sampling/samples/${task.sampleId}`}>{task.productName}</Link>
                  {task.batchNo && ` · ${task.batchNo}`}
                  <div>
                    {t('fields.openedOn')} {task.openedOn} · {t('fields.dueOn')} {task.dueOn}
                    {task.closedOn && ` · ${t('fields.closedOn')} ${task.closedOn}`}
                  </div>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    <Tag color={task.status === 'closed' ? 'green' : 'orange'}>{t(`handlingStatus.${task.status}`)}</Tag>
                    {task.isOverdue && <Tag color="red">{t('hints.overdue')}</Tag>}
                    {task.measures.map((measure) => (
                      <Tag key={measure}>{t(`measure.${measure}`)}</Tag>
                    ))}
                    {task.outcome && <Tag color="purple">{t(`outcome.${task.outcome}`)}</Tag>}
                  </Flex>
                  {task.note && <Typography.Paragraph type="secondary">{task.note}</Typography.Paragraph>}
                </div>
                {hasAnyRole(me, samplingRoles.sample) && <Button onClick={() => setEditing(task)}>{t('actions.edit')}</Button>}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      {editing && <HandlingEditor task={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
