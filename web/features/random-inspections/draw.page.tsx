import { App, Button, Card, Descriptions, Form, Input, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { type TaskListItem, useDraw, useDrawStep, useSeedDraw } from './api.ts';

const stepOf = { committed: 1, seeded: 2, drawn: 3, published: 4 } as const;

/** The draw ceremony: commit (done) → seed → draw → publish, and the result with its verification links. */
export function DrawPage() {
  const { t } = useTranslation('random-inspections');
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const draw = useDraw(id);
  const seed = useSeedDraw();
  const step = useDrawStep();
  const view = draw.data;
  const handleError = (error: unknown) => message.error(problemMessage(error));
  return (
    <>
      <PageHeader
        title={view ? `${view.planCode} · ${t('draws.batch')} ${view.batchNo}` : t('draws.title')}
        extra={view ? <Link to={`/random-inspections/plans/${view.planId}`}>{t('back')}</Link> : null}
      />
      {view ? (
        <>
          <Steps
            current={stepOf[view.status]}
            responsive
            style={{ marginBottom: 16 }}
            items={['commit', 'seed', 'draw', 'publish'].map((key) => ({ title: t(`draws.steps.${key}`) }))}
          />
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('draws.commitment')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {view.commitment}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('draws.announcement')}>{view.seedAnnouncement}</Descriptions.Item>
            <Descriptions.Item label={t('draws.frozen')}>
              {t('draws.frozenCounts', { objects: view.objectCount, inspectors: view.inspectorCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('strata.title')}>
              {view.strata.map((stratum) => (
                <Tag key={stratum.key}>{`${stratum.label}: ${stratum.size} / ${stratum.population}`}</Tag>
              ))}
            </Descriptions.Item>
            {view.seedComponents ? (
              <Descriptions.Item label={t('draws.seed')}>
                {view.seedComponents.map((item) => (
                  <div key={item.source}>
                    {item.source}: <code style={{ wordBreak: 'break-all' }}>{item.value}</code>
                  </div>
                ))}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {view.status === 'committed' ? (
            <Card title={t('draws.steps.seed')} size="small" style={{ marginBottom: 16 }}>
              <Form
                layout="vertical"
                onFinish={(values: { drand?: string; dice?: string }) =>
                  seed
                    .mutateAsync({
                      id,
                      body: {
                        components: [
                          ...(values.drand ? [{ source: 'drand', value: values.drand }] : []),
                          ...(values.dice ? [{ source: 'dice', value: values.dice }] : []),
                        ],
                      },
                    })
                    .catch(handleError)
                }
              >
                <Form.Item name="drand" label={t('draws.drand')}>
                  <Input />
                </Form.Item>
                <Form.Item name="dice" label={t('draws.dice')} rules={[{ pattern: /^\d{1,40}$/ }]}>
                  <Input inputMode="numeric" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={seed.isPending} data-testid="ri-seed">
                  {t('draws.enterSeed')}
                </Button>
              </Form>
            </Card>
          ) : null}
          <Space wrap style={{ marginBottom: 16 }}>
            {view.status === 'seeded' ? (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => step.mutateAsync({ id, step: 'run' }).catch(handleError)}
                data-testid="ri-run"
              >
                {t('draws.run')}
              </Button>
            ) : null}
            {view.status === 'drawn' ? (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => step.mutateAsync({ id, step: 'publish' }).catch(handleError)}
                data-testid="ri-publish"
              >
                {t('draws.publish')}
              </Button>
            ) : null}
            <a href={`/public/draws/${view.ref}`} target="_blank" rel="noreferrer">
              {t('draws.publicPage')}
            </a>
            <a href={`/public/draws/verify?ref=${view.ref}`} target="_blank" rel="noreferrer">
              {t('draws.verify')}
            </a>
          </Space>
          {view.unstaffed.length ? (
            <Typography.Paragraph type="warning">{t('draws.unstaffed', { count: view.unstaffed.length })}</Typography.Paragraph>
          ) : null}
          <Table<TaskListItem>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            dataSource={view.tasks}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '#', key: 'rank', render: (_, task) => `${task.stratumKey}-${task.position}` },
              {
                title: t('objects.name'),
                dataIndex: 'entityName',
                render: (name: string, task) => <Link to={`/random-inspections/tasks/${task.id}`}>{name}</Link>,
              },
              {
                title: t('tasks.inspectors'),
                dataIndex: 'inspectors',
                render: (list: TaskListItem['inspectors']) => list.map((item) => item.displayName).join('、'),
              },
              {
                title: t('tasks.result'),
                dataIndex: 'result',
                render: (result: string | null) => (result ? t(`outcomes.${result}`) : '—'),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
