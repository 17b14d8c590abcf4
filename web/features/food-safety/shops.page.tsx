import { Card, Empty, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { useNotices, useShops } from './api.ts';

/** Catering businesses in the reader's scope: an operator sees only their own shops, plus their notices. */
export function ShopsPage() {
  const { t } = useTranslation('food-safety');
  const isOperator = hasAnyRole(useMe().data, ['operator']);
  const { page, filter, setFilters, setPaging } = useUrlListState();
  const shops = useShops(filter('q'), page);
  const notices = useNotices(isOperator);
  return (
    <>
      <PageHeader title={t(isOperator ? 'shops.mine' : 'shops.title')} />
      {isOperator && (notices.data?.items.length ?? 0) > 0 ? (
        <Card size="small" title={t('shops.notices')} style={{ marginBottom: 12 }}>
          <List
            size="small"
            dataSource={notices.data?.items}
            rowKey="id"
            renderItem={(row) => (
              <List.Item>
                <Typography.Text>{row.body}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Input.Search
        allowClear
        defaultValue={filter('q')}
        placeholder={t('shops.search')}
        aria-label={t('shops.search')}
        onSearch={(value) => setFilters({ q: value || undefined })}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={shops.isFetching}
        dataSource={shops.data?.items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('shops.none')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: shops.data?.total ?? 0,
          onChange: setPaging,
          size: 'small',
          showSizeChanger: false,
        }}
        renderItem={(row) => (
          <List.Item data-testid={`shop-${row.id}`}>
            <Card size="small" style={{ width: '100%' }} title={<Link to={`/food-safety/shops/${row.id}`}>{row.name}</Link>}>
              <Typography.Text type="secondary">{row.address}</Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
