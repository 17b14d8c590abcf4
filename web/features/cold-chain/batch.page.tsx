import { Alert, Button, Card, Descriptions, Flex, List, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { bureauStaffRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatDateTime } from '../../lib/date-format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { certificateUrl, type EventView, epcisUrl, useBatch, useTrace } from './api.ts';

function EventTable({ events }: { events: EventView[] }) {
  const { t } = useTranslation('cold-chain');
  return (
    <Table<EventView>
      rowKey={(row) => `${row.districtCode}:${row.id}`}
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={events}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('fields.eventTime'), dataIndex: 'eventTime', render: (at: string) => formatDateTime(at) },
        { title: t('fields.step'), dataIndex: 'step', render: (step: EventView['step']) => <Tag>{t(`steps.${step}`)}</Tag> },
        { title: t('fields.traceCode'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
        { title: t('fields.quantity'), key: 'quantity', render: (_, row) => `${Number(row.quantity)} ${t(`units.${row.unit}`)}` },
        { title: t('fields.holder'), dataIndex: 'holderName' },
        { title: t('fields.counterpart'), dataIndex: 'counterpartName', render: (name: string | null) => name ?? '' },
        { title: t('fields.source'), dataIndex: 'source', render: (source: string) => t(`sources.${source}`) },
      ]}
    />
  );
}

function TraceCard({ code }: { code: string }) {
  const { t } = useTranslation('cold-chain');
  const [direction, setDirection] = useState<'back' | 'forward'>('forward');
  const trace = useTrace(code, direction);
  return (
    <Card
      size="small"
      title={t('batch.trace')}
      extra={
        <Segmented
          value={direction}
          onChange={(value) => setDirection(value as 'back' | 'forward')}
          options={[
            { value: 'back', label: t('batch.traceBack') },
            { value: 'forward', label: t('batch.traceForward') },
          ]}
        />
      }
    >
      {trace.data?.isTruncated ? <Alert type="warning" title={t('batch.truncated')} /> : null}
      <Typography.Paragraph>
        {t('batch.holders')}：{(trace.data?.holders ?? []).map((holder) => holder.name).join(' → ')}
      </Typography.Paragraph>
      <EventTable events={trace.data?.events ?? []} />
    </Card>
  );
}

/** One batch: facts, the three certificates, its lots, every event of its codes, each holder's loop, and (staff) the trace. */
export function BatchPage() {
  const { t } = useTranslation('cold-chain');
  const id = Number(useParams().id);
  const me = useMe();
  const detail = useBatch(id);
  const data = detail.data;
  if (!data) return null;
  const { batch } = data;
  return (
    <>
      <PageHeader
        title={`${batch.product} · ${batch.lot}`}
        extra={
          <Button href={epcisUrl(batch.id)} download>
            {t('batch.exportEpcis')}
          </Button>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('fields.traceCode')}>
              <a href={`/t/${batch.traceCode}`} target="_blank" rel="noreferrer">
                <code>{batch.traceCode}</code>
              </a>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.declaration')}>{batch.customsDeclarationNo}</Descriptions.Item>
            <Descriptions.Item label={t('fields.origin')}>{batch.originCountry}</Descriptions.Item>
            <Descriptions.Item label={t('fields.quantity')}>{`${Number(batch.quantity)} ${t(`units.${batch.unit}`)}`}</Descriptions.Item>
            <Descriptions.Item label={t('fields.firstHolder')}>{batch.firstHolderName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.arrivedOn')}>{formatDate(batch.arrivedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.sellable')}>
              {batch.isSellable ? <Tag color="green">{t('batches.sellableYes')}</Tag> : <Tag color="orange">{t('batches.sellableNo')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('batch.certificates')}>
          {data.missingCertificates.length ? (
            <Alert
              type="warning"
              title={t('batch.missing', { kinds: data.missingCertificates.map((kind) => t(`certificateKinds.${kind}`)).join('、') })}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <List
            size="small"
            dataSource={data.certificates}
            renderItem={(certificate) => (
              <List.Item>
                <a href={certificateUrl(certificate.id)} target="_blank" rel="noreferrer">
                  {t(`certificateKinds.${certificate.kind}`)} {certificate.number}
                </a>
                <span>{formatDate(certificate.issuedOn)}</span>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('batch.lots')}>
          <List
            size="small"
            dataSource={data.lots}
            renderItem={(lot) => (
              <List.Item style={{ paddingLeft: 12 + lot.depth * 20 }}>
                <code>{lot.code}</code>
                <span>{`${Number(lot.quantity)} ${t(`units.${lot.unit}`)}`}</span>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('batch.balances')}>
          <Table
            rowKey={(row) => `${row.code}:${row.holderEntityId}`}
            size="small"
            pagination={false}
            dataSource={data.balances}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('fields.traceCode'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
              { title: t('fields.holder'), dataIndex: 'holderName' },
              { title: t('balance.received'), dataIndex: 'received' },
              { title: t('balance.out'), dataIndex: 'out' },
              { title: t('balance.disposed'), dataIndex: 'disposed' },
              { title: t('balance.stock'), dataIndex: 'stock' },
            ]}
          />
        </Card>
        <Card size="small" title={t('batch.events')}>
          <EventTable events={data.events} />
        </Card>
        {hasAnyRole(me.data, bureauStaffRoles) ? <TraceCard code={batch.traceCode} /> : null}
      </Flex>
    </>
  );
}
