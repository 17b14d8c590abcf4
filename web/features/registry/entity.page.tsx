import { ArrowLeftOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Result,
  Skeleton,
  Space,
  Table,
  type TableProps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type EntityView, type RevealField, registryRoles, useEntity, useStreets, useTimeline } from './api.ts';
import { RevealModal, StatusChangeModal } from './entity-dialogs.tsx';
import { expiryState, industryLabel, statusColors, streetLabel } from './registry-labels.ts';

type Licence = EntityView['licences'][number];
type Premises = EntityView['premises'][number];
type StatusChange = EntityView['statusHistory'][number];

function ExpiryText({ validUntil }: { validUntil: string | null }) {
  const { t } = useTranslation('registry');
  const state = expiryState(validUntil);
  if (state === 'none') return <Typography.Text type="secondary">{t('licences.noExpiry')}</Typography.Text>;
  if (state === 'expired')
    return (
      <Space size={4} data-testid="licence-expired">
        <Typography.Text type="danger">{validUntil}</Typography.Text>
        <Tag color="red">{t('licences.expired')}</Tag>
      </Space>
    );
  if (state === 'soon')
    return (
      <Space size={4} data-testid="licence-expiring">
        <Typography.Text type="warning">{validUntil}</Typography.Text>
        <Tag color="orange">{t('licences.expiresSoon')}</Tag>
      </Space>
    );
  return <span>{validUntil}</span>;
}

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
    </Card>
  );
}

export function EntityPage() {
  const { t, i18n } = useTranslation(['registry', 'shell']);
  const language = i18n.language;
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const entity = useEntity(id);
  const timeline = useTimeline(id);
  const streets = useStreets();
  const [revealing, setRevealing] = useState<RevealField>();
  const [isChangingStatus, setChangingStatus] = useState(false);
  const canReveal = hasAnyRole(me, registryRoles.reveal);
  const canWrite = hasAnyRole(me, registryRoles.write);

  if (entity.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (entity.isError) {
    const isMissing = entity.error instanceof ApiError && entity.error.status === 404;
    return (
      <Result
        status={isMissing ? '404' : 'error'}
        title={isMissing ? t('entity.notFound') : t('shell:status.error')}
        subTitle={problemMessage(entity.error)}
        extra={
          <Link to="/registry">
            <Button>{t('entity.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = entity.data;

  const masked = (value: string | null, field: RevealField) =>
    value ? (
      <Space size={4} wrap>
        <Typography.Text style={{ fontFamily: 'monospace' }} data-testid={`masked-${field}`}>
          {value}
        </Typography.Text>
        {canReveal ? (
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setRevealing(field)} data-testid={`reveal-${field}`}>
            {t('reveal.button')}
          </Button>
        ) : null}
      </Space>
    ) : (
      '—'
    );

  const licenceColumns: TableProps<Licence>['columns'] = [
    { title: t('licences.kind'), dataIndex: 'kind', render: (kind: Licence['kind']) => t(`licenceKinds.${kind}`) },
    { title: t('licences.number'), dataIndex: 'number', render: (text: string) => <Typography.Text code>{text}</Typography.Text> },
    { title: t('licences.issuer'), dataIndex: 'issuer', responsive: ['lg'] },
    { title: t('licences.issuedOn'), dataIndex: 'issuedOn', responsive: ['md'] },
    {
      title: t('licences.validUntil'),
      dataIndex: 'validUntil',
      render: (validUntil: string | null) => <ExpiryText validUntil={validUntil} />,
    },
    {
      title: t('licences.scope'),
      dataIndex: 'scopeItems',
      responsive: ['lg'],
      render: (items: string[]) => (items.length ? items.join('、') : '—'),
    },
    {
      title: t('licences.status'),
      dataIndex: 'status',
      render: (status: Licence['status']) => <Tag color={status === 'valid' ? 'success' : 'default'}>{t(`licenceStatuses.${status}`)}</Tag>,
    },
  ];

  const premisesColumns: TableProps<Premises>['columns'] = [
    {
      title: t('premises.label'),
      dataIndex: 'label',
      render: (label: string, premises) => (
        <Space size={4}>
          {label}
          {premises.isRegisteredAddress ? <Tag>{t('premises.registered')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('fields.address'), dataIndex: 'address' },
    { title: t('fields.street'), dataIndex: 'streetCode', render: (code: string) => streetLabel(streets.data?.items, code, language) },
    {
      title: t('fields.coordinates'),
      key: 'coordinates',
      responsive: ['md'],
      render: (_, premises) => (premises.lng && premises.lat ? `${premises.lng}, ${premises.lat}` : '—'),
    },
  ];

  const historyColumns: TableProps<StatusChange>['columns'] = [
    { title: t('history.since'), dataIndex: 'since' },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (status: StatusChange['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    { title: t('history.reason'), dataIndex: 'reason', render: (reason: string) => reason || '—' },
  ];

  const licences = isPhone ? (
    <Flex vertical gap={8}>
      {data.licences.map((licence) => (
        <Card key={licence.id} size="small" type="inner" title={t(`licenceKinds.${licence.kind}`)} data-testid="licence-card">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('licences.number')}>{licence.number}</Descriptions.Item>
            <Descriptions.Item label={t('licences.validUntil')}>
              <ExpiryText validUntil={licence.validUntil} />
            </Descriptions.Item>
            <Descriptions.Item label={t('licences.issuer')}>{licence.issuer}</Descriptions.Item>
            {licence.scopeItems.length ? (
              <Descriptions.Item label={t('licences.scope')}>{licence.scopeItems.join('、')}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('licences.status')}>{t(`licenceStatuses.${licence.status}`)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
      {data.licences.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.none')} /> : null}
    </Flex>
  ) : (
    <Table<Licence>
      rowKey="id"
      columns={licenceColumns}
      dataSource={data.licences}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('licences.none') }}
      data-testid="licence-table"
    />
  );

  return (
    <>
      <Link to="/registry" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('entity.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="entity-name">{data.name}</span>
            <Tag color={statusColors[data.status]} style={{ verticalAlign: 'middle' }}>
              {t(`statuses.${data.status}`)}
            </Tag>
          </Space>
        }
        extra={
          canWrite ? (
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="status-change">
              {t('statusChange.button')}
            </Button>
          ) : null
        }
      />
      <Section title={t('entity.identity')} testId="entity-identity">
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} size="small">
          <Descriptions.Item label={t('fields.creditCode')}>
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {data.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.kind')}>{t(`kinds.${data.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.category')}>{t(`categories.${data.businessCategory}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.legalRep')}>{data.legalRepName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.legalRepId')}>{masked(data.legalRepIdMasked, 'legalRepIdNumber')}</Descriptions.Item>
          <Descriptions.Item label={t('fields.phone')}>{masked(data.phoneMasked, 'phone')}</Descriptions.Item>
          <Descriptions.Item label={t('fields.industry')}>{industryLabel(data.industryCode, language)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.capital')}>
            {data.registeredCapitalWan ? t('entity.capitalWan', { amount: data.registeredCapitalWan }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.foundedOn')}>{data.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={t('fields.status')}>
            {t(`statuses.${data.status}`)}{' '}
            <Typography.Text type="secondary">({t('entity.since', { date: data.statusSince })})</Typography.Text>
          </Descriptions.Item>
          {data.endedOn ? <Descriptions.Item label={t('fields.endedOn')}>{data.endedOn}</Descriptions.Item> : null}
          <Descriptions.Item label={t('fields.street')}>
            {language === 'en' ? streetLabel(streets.data?.items, data.streetCode, language) : data.streetName}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.address')} span={{ xs: 1, md: 2, xl: 3 }}>
            {data.address}
          </Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title={t('licences.title', { count: data.licences.length })} testId="entity-licences">
        {licences}
      </Section>
      <Section title={t('premises.title')} testId="entity-premises">
        <Table<Premises>
          rowKey="id"
          columns={premisesColumns}
          dataSource={data.premises}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('premises.none') }}
        />
      </Section>
      <Section title={t('history.title')} testId="entity-history">
        <Table<StatusChange>
          rowKey={(change) => `${change.since}-${change.status}`}
          columns={historyColumns}
          dataSource={data.statusHistory}
          pagination={false}
          size="small"
        />
      </Section>
      <Section title={t('timeline.title')} testId="entity-timeline">
        {timeline.isError ? <Alert type="error" showIcon title={problemMessage(timeline.error)} /> : null}
        {timeline.isPending ? <Skeleton active /> : null}
        {timeline.data && timeline.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
        ) : null}
        {timeline.data && timeline.data.items.length > 0 ? (
          <Timeline
            style={{ marginTop: 8 }}
            items={timeline.data.items.map((event, index) => ({
              key: `${event.at}-${index}`,
              content: (
                <>
                  <Typography.Text>{language === 'en' ? event.title.en : event.title['zh-CN']}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(event.at)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        ) : null}
      </Section>
      {revealing ? <RevealModal entityId={data.id} field={revealing} onClose={() => setRevealing(undefined)} /> : null}
      {isChangingStatus ? (
        <StatusChangeModal
          entity={data}
          onClose={() => setChangingStatus(false)}
          onChanged={() => {
            setChangingStatus(false);
            void message.success(t('statusChange.done'));
          }}
        />
      ) : null}
    </>
  );
}
