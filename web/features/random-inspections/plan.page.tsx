import { App, Button, Card, Descriptions, Form, Input, List, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useCommitDraw, usePlan } from './api.ts';

/** A plan: matters, strata, period, departments, its draws, and the first step of a new draw (commit). */
export function PlanPage() {
  const { t } = useTranslation('random-inspections');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const plan = usePlan(id);
  const commit = useCommitDraw();
  const view = plan.data;
  return (
    <>
      <PageHeader
        title={view ? `${view.code} ${view.title}` : t('plans.title')}
        extra={<Link to="/random-inspections">{t('back')}</Link>}
      />
      {plan.isError ? <Card>{problemMessage(plan.error)}</Card> : null}
      {view ? (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('plans.kind')}>{t(`plans.kinds.${view.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('plans.period')}>{`${view.periodStart} ~ ${view.periodEnd}`}</Descriptions.Item>
            <Descriptions.Item label={t('plans.departments')}>{view.departments.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.population')}>{view.population.category ?? t('all')}</Descriptions.Item>
          </Descriptions>
          <Card title={t('strata.title')} size="small" style={{ marginBottom: 16 }}>
            {view.strata.map((stratum) => (
              <Tag key={stratum.key} style={{ marginBottom: 4 }}>
                {stratum.label}: {stratum.count !== undefined ? stratum.count : `${stratum.permille}‰`}
              </Tag>
            ))}
          </Card>
          <Card title={t('plans.matters')} size="small" style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={view.matters}
              renderItem={(matter) => <List.Item>{`${matter.code} ${matter.name}`}</List.Item>}
            />
          </Card>
          <Card title={t('draws.title')} size="small">
            <Table
              rowKey="id"
              size="small"
              dataSource={view.draws}
              pagination={false}
              onRow={(draw) => ({ onClick: () => navigate(`/random-inspections/draws/${draw.id}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('draws.batch'), dataIndex: 'batchNo' },
                { title: t('draws.status'), dataIndex: 'status', render: (status: string) => <Tag>{t(`draws.statuses.${status}`)}</Tag> },
                {
                  title: t('draws.commitment'),
                  dataIndex: 'commitment',
                  render: (value: string) => <code>{value.slice(0, 16)}…</code>,
                  responsive: ['md'],
                },
                { title: t('draws.tasks'), dataIndex: 'taskCount' },
              ]}
            />
            <Form
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(values: { seedAnnouncement: string; inspectionDate?: string }) =>
                commit
                  .mutateAsync({
                    planId: id,
                    body: {
                      seedAnnouncement: values.seedAnnouncement,
                      ...(values.inspectionDate ? { inspectionDate: values.inspectionDate } : {}),
                    },
                  })
                  .then((draw) => navigate(`/random-inspections/draws/${draw.id}`))
                  .catch((error: unknown) => message.error(problemMessage(error)))
              }
            >
              <Form.Item
                name="seedAnnouncement"
                label={t('draws.announcement')}
                rules={[{ required: true }]}
                extra={t('draws.announcementHint')}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="inspectionDate" label={t('draws.inspectionDate')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
                <Input placeholder={view.periodStart} style={{ maxWidth: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={commit.isPending} data-testid="ri-commit">
                {t('draws.commit')}
              </Button>
            </Form>
          </Card>
        </>
      ) : null}
    </>
  );
}
