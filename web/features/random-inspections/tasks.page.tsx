import { Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useUrlListState } from '../../lib/url-state.ts';
import { useTasks } from './api.ts';

/** The inspector's phone list: tasks they were drawn for (staff see every task), open ones first. */
export function TaskListPage() {
  const { t } = useTranslation('random-inspections');
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const status = filter('status') ?? 'assigned';
  const tasks = useTasks({ mine: filter('all') ? undefined : true, status, page, pageSize });
  return (
    <>
      <PageHeader title={t('tasks.title')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(value) => setFilters({ status: String(value) })}
          options={[
            { value: 'assigned', label: t('tasks.open') },
            { value: 'done', label: t('tasks.done') },
          ]}
        />
        <Segmented
          value={filter('all') ? 'all' : 'mine'}
          onChange={(value) => setFilters({ all: value === 'all' ? '1' : undefined })}
          options={[
            { value: 'mine', label: t('tasks.mine') },
            { value: 'all', label: t('tasks.all') },
          ]}
        />
      </Flex>
      <List
        loading={tasks.isFetching}
        dataSource={tasks.data?.items}
        locale={{ emptyText: <Empty description={t('tasks.none')} /> }}
        pagination={{ current: page, pageSize, total: tasks.data?.total ?? 0, onChange: setPaging, size: 'small' }}
        renderItem={(task) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={<Link to={`/random-inspections/tasks/${task.id}`}>{task.entityName}</Link>}>
              <Typography.Text type="secondary">{task.address}</Typography.Text>
              <div>{task.planTitle}</div>
              <Flex gap={4} wrap>
                {task.inspectors.map((item) => (
                  <Tag key={item.userId}>{item.displayName}</Tag>
                ))}
                {task.result ? <Tag color="blue">{t(`outcomes.${task.result}`)}</Tag> : null}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
