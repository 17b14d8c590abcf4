import { BarChartOutlined, DownloadOutlined, FilterOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Flex, Input, Pagination, Select, Spin, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { industrySections } from '../../../shared/industry.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { oneOf, useUrlListState } from '../../lib/url-state.ts';
import {
  businessCategories,
  type EntityFilter,
  type EntityListItem,
  entityKinds,
  entityStatuses,
  exportUrl,
  licenceKinds,
  registryRoles,
  useEntities,
  useStations,
  useStreets,
} from './api.ts';
import { EntityFormModal } from './entity-form-modal.tsx';
import { industryLabel, statusColors, streetLabel } from './registry-labels.ts';

const filterNames = ['kind', 'industry', 'street', 'station', 'status', 'category', 'licenceKind', 'expiringWithinDays'] as const;
const expiringChoices = [30, 60, 90, 180, 365];

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function RegistryListPage() {
  const { t, i18n } = useTranslation(['registry', 'shell']);
  const language = i18n.language;
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { data: me } = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const [isCreating, setCreating] = useState(false);
  const [areFiltersOpen, setFiltersOpen] = useState(false);
  const streets = useStreets();
  const stations = useStations();

  const q = filter('q');
  const criteria: EntityFilter = {
    q,
    kind: oneOf(entityKinds, filter('kind')),
    industry: filter('industry'),
    street: filter('street'),
    station: positive(filter('station')),
    status: oneOf(entityStatuses, filter('status')),
    category: oneOf(businessCategories, filter('category')),
    licenceKind: oneOf(licenceKinds, filter('licenceKind')),
    expiringWithinDays: positive(filter('expiringWithinDays')),
  };
  const entities = useEntities({ ...criteria, page, pageSize });
  const activeFilters = filterNames.filter((name) => filter(name) !== undefined).length;
  const canWrite = hasAnyRole(me, registryRoles.write);
  const canExport = hasAnyRole(me, registryRoles.export);
  const canSeeStatistics = hasAnyRole(me, registryRoles.statistics);

  const select = (name: (typeof filterNames)[number], placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      key={name}
      value={filter(name)}
      placeholder={placeholder}
      aria-label={placeholder}
      allowClear
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : false}
      onChange={(next?: string) => setFilters({ [name]: next })}
      options={options}
      style={{ width: isPhone ? '100%' : 170 }}
      data-testid={`filter-${name}`}
    />
  );

  const filters = (
    <Flex gap={8} wrap vertical={isPhone} style={{ marginBottom: 16 }}>
      {select(
        'kind',
        t('filters.kind'),
        entityKinds.map((value) => ({ value, label: t(`kinds.${value}`) })),
      )}
      {select(
        'status',
        t('filters.status'),
        entityStatuses.map((value) => ({ value, label: t(`statuses.${value}`) })),
      )}
      {select(
        'industry',
        t('filters.industry'),
        industrySections.map((section) => ({
          value: section.letter,
          label: `${section.letter} ${language === 'en' ? section.en : section.zh}`,
        })),
      )}
      {select(
        'street',
        t('filters.street'),
        (streets.data?.items ?? []).map((street) => ({ value: street.code, label: streetLabel([street], street.code, language) })),
      )}
      {(stations.data?.length ?? 0) > 0
        ? select(
            'station',
            t('filters.station'),
            (stations.data ?? []).map((station) => ({
              value: String(station.id),
              label: language === 'en' ? station.nameEn || station.name : station.name,
            })),
          )
        : null}
      {select(
        'category',
        t('filters.category'),
        businessCategories.map((value) => ({ value, label: t(`categories.${value}`) })),
      )}
      {select(
        'licenceKind',
        t('filters.licenceKind'),
        licenceKinds.map((value) => ({ value, label: t(`licenceKinds.${value}`) })),
      )}
      {select(
        'expiringWithinDays',
        t('filters.expiring'),
        expiringChoices.map((days) => ({ value: String(days), label: t('filters.expiringWithin', { days }) })),
      )}
      {activeFilters > 0 ? (
        <Button onClick={() => setFilters(Object.fromEntries(filterNames.map((name) => [name, undefined])))}>
          {t('shell:actions.reset')}
        </Button>
      ) : null}
    </Flex>
  );

  const columns: TableProps<EntityListItem>['columns'] = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      fixed: 'start',
      render: (name: string, item) => (
        <Link to={`/registry/entities/${item.id}`} data-testid="entity-link">
          {name}
        </Link>
      ),
    },
    { title: t('fields.creditCode'), dataIndex: 'creditCode', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('fields.kind'), dataIndex: 'kind', render: (kind: EntityListItem['kind']) => t(`kinds.${kind}`) },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (status: EntityListItem['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    { title: t('fields.legalRep'), dataIndex: 'legalRepName', responsive: ['md'] },
    {
      title: t('fields.industry'),
      dataIndex: 'industryCode',
      responsive: ['lg'],
      render: (code: string) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 150 }}>
          {industryLabel(code, language)}
        </Typography.Text>
      ),
    },
    {
      title: t('fields.street'),
      dataIndex: 'streetCode',
      responsive: ['md'],
      render: (code: string) => streetLabel(streets.data?.items, code, language),
    },
    { title: t('fields.address'), dataIndex: 'address', responsive: ['xxl'], width: 280, ellipsis: true },
    { title: t('fields.foundedOn'), dataIndex: 'foundedOn', responsive: ['xxl'] },
  ];

  const total = entities.data?.total ?? 0;
  const totalText = entities.data?.totalIsCapped ? t('list.totalCapped', { total }) : t('shell:status.total', { total });

  const cards = (
    <Spin spinning={entities.isFetching}>
      {entities.data && entities.data.items.length === 0 ? <Empty description={t('list.empty')} /> : null}
      <Flex vertical gap={8} data-testid="entity-cards">
        {(entities.data?.items ?? []).map((item) => (
          <Card
            key={item.id}
            size="small"
            hoverable
            onClick={() => navigate(`/registry/entities/${item.id}`)}
            data-testid="entity-card"
            styles={{ body: { padding: 12 } }}
          >
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{item.name}</Typography.Text>
              <Tag color={statusColors[item.status]} style={{ marginInlineEnd: 0 }}>
                {t(`statuses.${item.status}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {item.creditCode} · {t(`kinds.${item.kind}`)} · {item.legalRepName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
              {streetLabel(streets.data?.items, item.streetCode, language)} · {item.address}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Pagination simple current={page} pageSize={pageSize} total={total} onChange={setPaging} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 8 }} data-testid="entity-total">
        {totalText}
      </Typography.Paragraph>
    </Spin>
  );

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <>
            {canSeeStatistics && !isPhone ? (
              <Link to="/registry/statistics">
                <Button icon={<BarChartOutlined />}>{t('statistics.title')}</Button>
              </Link>
            ) : null}
            {canWrite && !isPhone ? (
              <Link to="/registry/import">
                <Button icon={<ImportOutlined />}>{t('import.title')}</Button>
              </Link>
            ) : null}
            {canExport ? (
              <Button icon={<DownloadOutlined />} href={exportUrl(criteria)} download data-testid="entity-export">
                {t('list.export')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="entity-create">
                {t('list.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} style={{ marginBottom: isPhone ? 8 : 12 }}>
        <Input.Search
          key={q ?? ''}
          defaultValue={q}
          placeholder={t('list.searchPlaceholder')}
          aria-label={t('list.searchPlaceholder')}
          allowClear
          enterButton
          maxLength={100}
          onSearch={(text) => setFilters({ q: text.trim() })}
          style={{ width: isPhone ? '100%' : 420 }}
          data-testid="entity-search"
        />
        {isPhone ? (
          <Badge count={activeFilters} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(!areFiltersOpen)} aria-label={t('list.filters')} />
          </Badge>
        ) : null}
      </Flex>
      {!isPhone || areFiltersOpen ? filters : null}
      {entities.isError ? <Alert type="error" showIcon title={problemMessage(entities.error)} style={{ marginBottom: 16 }} /> : null}
      {entities.data?.totalIsCapped ? (
        <Alert type="info" showIcon title={t('list.cappedHint', { total })} style={{ marginBottom: 12 }} data-testid="total-capped" />
      ) : null}
      {isPhone ? (
        cards
      ) : (
        <Table<EntityListItem>
          rowKey="id"
          columns={columns}
          dataSource={entities.data?.items}
          loading={entities.isFetching}
          scroll={{ x: 'max-content' }}
          size="middle"
          locale={{ emptyText: <Empty description={t('list.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: () => <span data-testid="entity-total">{totalText}</span>,
            onChange: setPaging,
          }}
          data-testid="entity-table"
        />
      )}
      {isCreating ? (
        <EntityFormModal
          streets={streets.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/registry/entities/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
