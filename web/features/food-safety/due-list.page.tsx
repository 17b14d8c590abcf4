import { Button, Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useUrlListState } from '../../lib/url-state.ts';
import { useDue, usePrefetchForInspections } from './api.ts';
import { DynamicGradeTag } from './grade-tags.tsx';

/** The inspector's phone list: shops due or overdue for inspection in their station, by the risk grade's frequency. */
export function DueListPage() {
  const { t } = useTranslation('food-safety');
  const { page, filter, setFilters, setPaging } = useUrlListState();
  const state = filter('state') === 'overdue' ? 'overdue' : 'due';
  const due = useDue(state, page);
  usePrefetchForInspections(due.data?.items.map((row) => row.entityId) ?? []);
  return (
    <>
      <PageHeader title={t('due.title')} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={state}
        onChange={(value) => setFilters({ state: value === 'overdue' ? 'overdue' : undefined })}
        options={[
          { value: 'due', label: t('due.due') },
          { value: 'overdue', label: t('due.overdue') },
        ]}
      />
      <List
        loading={due.isFetching}
        dataSource={due.data?.items}
        rowKey="entityId"
        locale={{ emptyText: <Empty description={t('due.none')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: due.data?.total ?? 0,
          onChange: setPaging,
          size: 'small',
          showSizeChanger: false,
        }}
        renderItem={(row) => (
          <List.Item data-testid={`due-${row.entityId}`}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Link to={`/food-safety/shops/${row.entityId}`}>{row.entityName}</Link>}
              extra={
                <Tag color={row.state === 'overdue' ? 'red' : row.state === 'due-soon' ? 'gold' : 'default'}>
                  {t(`due.states.${row.state}`)}
                </Tag>
              }
            >
              <Typography.Text type="secondary">{row.address}</Typography.Text>
              <Flex gap={4} wrap style={{ margin: '6px 0' }}>
                <Tag>{t('grade.risk', { grade: row.riskGrade })}</Tag>
                <DynamicGradeTag grade={row.dynamicGrade} />
                <Tag>{t('due.nextDue', { date: row.nextDueOn })}</Tag>
                {row.lastInspectedOn ? <Tag>{t('due.last', { date: row.lastInspectedOn })}</Tag> : null}
              </Flex>
              <Link to={`/food-safety/inspect/${row.entityId}`}>
                <Button type="primary" size="large" block data-testid={`inspect-${row.entityId}`}>
                  {t('due.inspect')}
                </Button>
              </Link>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
