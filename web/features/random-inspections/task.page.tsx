import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { followUpTypes } from '../../../shared/vocabularies/random-inspections.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { inspectionOutcomes, type TaskResultBody, usePublishResult, useRecordResult, useTask } from './api.ts';

interface ResultForm {
  inspectedOn: { format(pattern: string): string };
  outcomes: Record<string, TaskResultBody['results'][number]['outcome']>;
  notes: Record<string, string>;
  followUpType: TaskResultBody['followUpType'];
  followUpNote: string;
}

/** One task on a phone: the entity, the matters to check, the result per matter; staff publish it. */
export function TaskPage() {
  const { t } = useTranslation('random-inspections');
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const task = useTask(id);
  const me = useMe();
  const record = useRecordResult();
  const publish = usePublishResult();
  const view = task.data;
  const isStaff = (me.data?.roles ?? []).some((role) => role === 'admin' || role === 'section');
  const handleSubmit = (values: ResultForm) =>
    record
      .mutateAsync({
        id,
        body: {
          inspectedOn: values.inspectedOn.format('YYYY-MM-DD'),
          results: (view?.matters ?? []).map((matter) => ({
            matterId: matter.matterId,
            outcome: values.outcomes?.[matter.matterId] ?? 'no_problem',
            note: values.notes?.[matter.matterId] ?? '',
          })),
          followUpType: values.followUpType,
          followUpNote: values.followUpNote ?? '',
        },
      })
      .then(() => message.success(t('saved')))
      .catch((error: unknown) => message.error(problemMessage(error)));
  return (
    <>
      <PageHeader title={view?.entityName ?? t('tasks.title')} extra={<Link to="/random-inspections/tasks">{t('back')}</Link>} />
      {task.isError ? <Alert type="error" title={problemMessage(task.error)} /> : null}
      {view ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('objects.creditCode')}>{view.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.address')}>{view.address}</Descriptions.Item>
            <Descriptions.Item label={t('plans.title')}>{view.planTitle}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.inspectors')}>
              {view.inspectors.map((item) => (
                <Tag key={item.userId}>{`${item.displayName} ${item.certificateNo}`}</Tag>
              ))}
            </Descriptions.Item>
            {view.publishDue ? <Descriptions.Item label={t('tasks.publishDue')}>{view.publishDue}</Descriptions.Item> : null}
          </Descriptions>
          {view.status === 'done' ? (
            <Card size="small" title={t('tasks.result')}>
              <p>
                <Tag color="blue">{t(`outcomes.${view.result}`)}</Tag> {view.inspectedOn}
              </p>
              {view.matters.map((matter) => (
                <div key={matter.matterId}>{`${matter.name}: ${matter.outcome ? t(`outcomes.${matter.outcome}`) : ''} ${matter.note}`}</div>
              ))}
              {view.followUpType !== 'none' ? <p>{`${t(`followUp.${view.followUpType}`)}: ${view.followUpNote}`}</p> : null}
              {isStaff && !view.publishedAt ? (
                <Button
                  type="primary"
                  loading={publish.isPending}
                  onClick={() => publish.mutateAsync(id).catch((error: unknown) => message.error(problemMessage(error)))}
                >
                  {t('tasks.publish')}
                </Button>
              ) : null}
              {view.publishedAt ? <Tag color="success">{t('tasks.published')}</Tag> : null}
            </Card>
          ) : (
            <Card size="small" title={t('tasks.record')}>
              <Form layout="vertical" onFinish={handleSubmit} initialValues={{ followUpType: 'none' }}>
                <Form.Item name="inspectedOn" label={t('tasks.inspectedOn')} rules={[{ required: true }]}>
                  <DatePicker inputReadOnly />
                </Form.Item>
                {view.matters.map((matter) => (
                  <Form.Item key={matter.matterId} label={`${matter.code} ${matter.name}`}>
                    <Form.Item name={['outcomes', String(matter.matterId)]} noStyle initialValue="no_problem">
                      <Select options={inspectionOutcomes.map((outcome) => ({ value: outcome, label: t(`outcomes.${outcome}`) }))} />
                    </Form.Item>
                    <Form.Item name={['notes', String(matter.matterId)]} noStyle>
                      <Input placeholder={t('tasks.note')} aria-label={t('tasks.note')} style={{ marginTop: 4 }} />
                    </Form.Item>
                  </Form.Item>
                ))}
                <Form.Item name="followUpType" label={t('tasks.followUp')}>
                  <Radio.Group options={followUpTypes.map((value) => ({ value, label: t(`followUp.${value}`) }))} />
                </Form.Item>
                <Form.Item name="followUpNote" label={t('tasks.note')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={record.isPending} data-testid="ri-record">
                  {t('tasks.save')}
                </Button>
              </Form>
            </Card>
          )}
        </Space>
      ) : null}
    </>
  );
}
