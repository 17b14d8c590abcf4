import { Card, Empty, Flex, Pagination, Spin, Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIsPhone } from '../lib/media-query.ts';

/** What a work queue's card shows on a phone: who, the state tag, a line of detail, the deadline. */
export interface QueueCard {
  title: ReactNode;
  tag: ReactNode;
  line: ReactNode;
  due: ReactNode;
}

/**
 * A paged work queue (complaints, cases): a table on a wide screen, cards on a phone (390 px), each opening the
 * item's page. The page keeps its filters; the list keeps the paging in the URL through `onPaging`.
 */
export function ResponsiveList<Item extends { id: number }>(props: {
  items: { data?: { items: Item[]; total: number }; isFetching: boolean };
  columns: TableProps<Item>['columns'];
  card: (item: Item) => QueueCard;
  pathOf: (item: Item) => string;
  page: number;
  pageSize: number;
  onPaging: (page: number, pageSize: number) => void;
  emptyText?: string;
  testId?: string;
}) {
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { items, page, pageSize, onPaging } = props;
  if (!isPhone)
    return (
      <Table
        rowKey="id"
        size="middle"
        columns={props.columns}
        dataSource={items.data?.items}
        loading={items.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: items.data?.total ?? 0,
          onChange: onPaging,
          showTotal: (total) => t('status.total', { total }),
        }}
        data-testid={props.testId}
      />
    );
  return (
    <Spin spinning={items.isFetching}>
      {items.data?.items.length === 0 ? <Empty description={props.emptyText} /> : null}
      <Flex vertical gap={8}>
        {(items.data?.items ?? []).map((item) => {
          const card = props.card(item);
          return (
            <Card key={item.id} size="small" hoverable onClick={() => navigate(props.pathOf(item))} styles={{ body: { padding: 12 } }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{card.title}</Typography.Text>
                {card.tag}
              </Flex>
              <Typography.Text type="secondary">{card.line}</Typography.Text>
              <div>{card.due}</div>
            </Card>
          );
        })}
      </Flex>
      <Pagination
        style={{ marginTop: 12 }}
        size="small"
        current={page}
        pageSize={pageSize}
        total={items.data?.total ?? 0}
        onChange={onPaging}
      />
    </Spin>
  );
}
