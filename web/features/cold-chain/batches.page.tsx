import { Button, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bureauStaffRoles, caseWorkerAndOperatorRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { oneOf, useUrlListState } from '../../lib/url-state.ts';
import { type BatchView, fsmaUrl, useBatches } from './api.ts';

/** 进口冷链批次: the batches in the person's scope (an operator: those it first held or handled), newest first. */
export function BatchesPage() {
  const { t } = useTranslation('cold-chain');
  const me = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const q = filter('q');
  const sellable = oneOf(['yes', 'no'] as const, filter('sellable'));
  const batches = useBatches({ page, pageSize, ...(q ? { q } : {}), ...(sellable ? { sellable } : {}) });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const isStaff = hasAnyRole(me.data, bureauStaffRoles);
  const canWrite = hasAnyRole(me.data, caseWorkerAndOperatorRoles);
  return (
    <>
      <PageHeader
        title={t('batches.title')}
        extra={
          <>
            <Link to="/cold-chain/scan">
              <Button type="primary">{t('scan.title')}</Button>
            </Link>
            {canWrite ? (
              <>
                <Link to="/cold-chain/batches/new">
                  <Button>{t('newBatch.new')}</Button>
                </Link>
                <Link to="/cold-chain/epcis">
                  <Button>{t('epcis.title')}</Button>
                </Link>
              </>
            ) : null}
            {isStaff ? (
              <Link to="/cold-chain/trace">
                <Button>{t('trace.title')}</Button>
              </Link>
            ) : null}
            {isStaff ? (
              <Flex gap={4}>
                <DatePicker.RangePicker aria-label={t('batches.fsmaRange')} value={range} onChange={(value) => setRange(value)} />
                <Button
                  disabled={!range?.[0] || !range?.[1]}
                  href={range?.[0] && range[1] ? fsmaUrl(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')) : undefined}
                >
                  {t('batches.fsma')}
                </Button>
              </Flex>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('batches.search')}
          aria-label={t('batches.search')}
          onSearch={(value) => setFilters({ q: value.trim() })}
          style={{ maxWidth: 320 }}
        />
        <Select
          allowClear
          aria-label={t('batches.sellable')}
          placeholder={t('batches.sellable')}
          value={sellable}
          onChange={(value) => setFilters({ sellable: value })}
          options={[
            { value: 'yes', label: t('batches.sellableYes') },
            { value: 'no', label: t('batches.sellableNo') },
          ]}
          style={{ width: 160 }}
        />
      </Flex>
      <Table<BatchView>
        rowKey="id"
        size="small"
        loading={batches.isFetching}
        dataSource={batches.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize, total: batches.data?.total ?? 0, onChange: setPaging, showSizeChanger: true }}
        columns={[
          {
            title: t('fields.product'),
            key: 'product',
            render: (_, row) => <Link to={`/cold-chain/batches/${row.id}`}>{row.product}</Link>,
          },
          { title: t('fields.traceCode'), dataIndex: 'traceCode', render: (code: string) => <code>{code}</code> },
          { title: t('fields.origin'), dataIndex: 'originCountry' },
          { title: t('fields.quantity'), key: 'quantity', render: (_, row) => `${Number(row.quantity)} ${t(`units.${row.unit}`)}` },
          { title: t('fields.firstHolder'), dataIndex: 'firstHolderName' },
          { title: t('fields.arrivedOn'), dataIndex: 'arrivedOn', render: (day: string) => formatDate(day) },
          {
            title: t('fields.sellable'),
            key: 'sellable',
            render: (_, row) =>
              row.isSellable ? <Tag color="green">{t('batches.sellableYes')}</Tag> : <Tag color="orange">{t('batches.sellableNo')}</Tag>,
          },
        ]}
      />
    </>
  );
}
