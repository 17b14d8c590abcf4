import { Alert, Button, Card, Empty, Flex, Form, Input, List, Modal, Radio, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findingStatuses, gradeAppealOutcomes } from '../../../shared/vocabularies/food-safety.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  foodSafetyRoles,
  useAppeals,
  useCloseFinding,
  useDecideAppeal,
  useFindings,
  useReinspections,
  useReviewUpload,
  useUploads,
  useWarnings,
} from './api.ts';
import { WarningLevelTag } from './grade-tags.tsx';

const shopLink = (entityId: number) => <Link to={`/food-safety/shops/${entityId}`}>#{entityId}</Link>;

/** What the station works through: certificate warnings, comparison findings, uploads to review, appeals. */
export function StationPage() {
  const { t } = useTranslation('food-safety');
  const canAct = hasAnyRole(useMe().data, foodSafetyRoles.review);
  return (
    <>
      <PageHeader title={t('station.title')} />
      <Tabs
        items={[
          { key: 'warnings', label: t('station.warnings'), children: <Warnings /> },
          { key: 'findings', label: t('station.findings'), children: <Findings canAct={canAct} /> },
          { key: 'uploads', label: t('station.uploads'), children: <Uploads canAct={canAct} /> },
          { key: 'appeals', label: t('station.appeals'), children: <Appeals canAct={canAct} /> },
        ]}
      />
    </>
  );
}

function Warnings() {
  const { t } = useTranslation('food-safety');
  const [page, setPage] = useState(1);
  const warnings = useWarnings(page);
  return (
    <List
      loading={warnings.isFetching}
      dataSource={warnings.data?.items}
      rowKey="id"
      locale={{ emptyText: <Empty description={t('station.none')} /> }}
      pagination={{
        current: page,
        pageSize: 20,
        total: warnings.data?.total ?? 0,
        onChange: setPage,
        size: 'small',
        showSizeChanger: false,
      }}
      renderItem={(row) => (
        <List.Item>
          <span>
            {row.handlerName} <WarningLevelTag level={row.level} /> {row.validUntil ?? ''} · {shopLink(row.entityId)}
          </span>
        </List.Item>
      )}
    />
  );
}

/** A reason is required to close a finding either way. */
function ReasonModal({
  title,
  onOk,
  onClose,
  isPending,
}: {
  title: string;
  onOk: (reason: string) => void;
  onClose: () => void;
  isPending: boolean;
}) {
  const { t } = useTranslation('food-safety');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={isPending}>
      <Form form={form} layout="vertical" onFinish={(values) => onOk(values.reason)}>
        <Form.Item name="reason" label={t('station.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Findings({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation('food-safety');
  const [status, setStatus] = useState('open');
  const [page, setPage] = useState(1);
  const findings = useFindings(status, page);
  const close = useCloseFinding();
  const [acting, setActing] = useState<{ id: number; action: 'handle' | 'dismiss' } | undefined>();
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => {
          setStatus(String(value));
          setPage(1);
        }}
        options={findingStatuses.map((value) => ({ value, label: t(`findingStatuses.${value}`) }))}
      />
      {close.error ? <Alert type="error" title={problemMessage(close.error)} /> : null}
      <List
        loading={findings.isFetching}
        dataSource={findings.data?.items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('station.none')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: findings.data?.total ?? 0,
          onChange: setPage,
          size: 'small',
          showSizeChanger: false,
        }}
        renderItem={(row) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={t(`rules.${row.rule}`)} extra={shopLink(row.entityId)}>
              <Typography.Text type="secondary">
                {Object.entries(row.detail)
                  .map(([key, value]) => `${key}: ${value ?? '—'}`)
                  .join(' · ')}
              </Typography.Text>
              <div>{t('station.openedOn', { date: row.openedOn })}</div>
              {row.handleReason ? <div>{row.handleReason}</div> : null}
              {canAct && row.status === 'open' ? (
                <Flex gap={8} style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={() => setActing({ id: row.id, action: 'handle' })}>
                    {t('station.handle')}
                  </Button>
                  <Button onClick={() => setActing({ id: row.id, action: 'dismiss' })}>{t('station.dismiss')}</Button>
                </Flex>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      {acting ? (
        <ReasonModal
          title={t(`station.${acting.action}`)}
          isPending={close.isPending}
          onClose={() => setActing(undefined)}
          onOk={(reason) => close.mutate({ ...acting, reason }, { onSuccess: () => setActing(undefined) })}
        />
      ) : null}
    </>
  );
}

function Uploads({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation('food-safety');
  const uploads = useUploads('submitted');
  const review = useReviewUpload();
  const [returning, setReturning] = useState<number | undefined>();
  return (
    <>
      {review.error ? <Alert type="error" title={problemMessage(review.error)} /> : null}
      <List
        loading={uploads.isFetching}
        dataSource={uploads.data?.items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('station.none')} /> }}
        renderItem={(row) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={`${row.name} v${row.version}`} extra={shopLink(row.entityId)}>
              <div>{row.address}</div>
              <div>
                {t('upload.openingHours')}: {row.openingHours || '—'} · {t('upload.seats')}: {row.seats ?? '—'} · {t('upload.kitchenArea')}:{' '}
                {row.kitchenAreaM2 ?? '—'}
              </div>
              {row.differences.length > 0 ? (
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  pagination={false}
                  rowKey="field"
                  dataSource={row.differences}
                  columns={[
                    { title: t('station.field'), dataIndex: 'field', render: (field: string) => t(`upload.fields.${field}`, field) },
                    { title: t('station.uploaded'), dataIndex: 'uploaded', render: (value: string) => <Tag color="red">{value}</Tag> },
                    { title: t('station.registered'), dataIndex: 'registered' },
                  ]}
                />
              ) : (
                <Tag color="green">{t('station.noDifferences')}</Tag>
              )}
              <Flex gap={4} wrap style={{ marginTop: 8 }}>
                {row.photos.map((photo) => (
                  <img key={photo.kind} src={photo.dataUrl} alt={photo.kind} style={{ width: 96, height: 72, objectFit: 'cover' }} />
                ))}
              </Flex>
              {canAct ? (
                <Flex gap={8} style={{ marginTop: 8 }}>
                  <Button type="primary" loading={review.isPending} onClick={() => review.mutate({ id: row.id })}>
                    {t('station.approve')}
                  </Button>
                  <Button onClick={() => setReturning(row.id)}>{t('station.sendBack')}</Button>
                </Flex>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      {returning ? (
        <ReasonModal
          title={t('station.sendBack')}
          isPending={review.isPending}
          onClose={() => setReturning(undefined)}
          onOk={(reason) => review.mutate({ id: returning, reason }, { onSuccess: () => setReturning(undefined) })}
        />
      ) : null}
    </>
  );
}

function Appeals({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation('food-safety');
  const appeals = useAppeals('open');
  const reinspections = useReinspections();
  const decide = useDecideAppeal();
  const [deciding, setDeciding] = useState<number | undefined>();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'rejected'; reason: string }>();
  return (
    <>
      {decide.error ? <Alert type="error" title={problemMessage(decide.error)} /> : null}
      <List
        loading={appeals.isFetching}
        dataSource={appeals.data?.items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('station.none')} /> }}
        renderItem={(row) => (
          <List.Item>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={t('station.appealOn', { date: row.submittedOn })}
              extra={shopLink(row.entityId)}
            >
              <div>{row.grounds}</div>
              {row.operatorReply ? <Typography.Text type="secondary">{row.operatorReply}</Typography.Text> : null}
              {canAct ? (
                <Button style={{ marginTop: 8 }} onClick={() => setDeciding(row.id)}>
                  {t('station.decide')}
                </Button>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('station.reinspections')}</Typography.Title>
      <List
        size="small"
        dataSource={reinspections.data?.items}
        rowKey="id"
        locale={{ emptyText: t('station.none') }}
        renderItem={(row) => (
          <List.Item>
            <span>
              {row.requestedOn} {shopLink(row.entityId)} {row.statement} <Tag>{row.status}</Tag>
            </span>
          </List.Item>
        )}
      />
      <Modal
        open={deciding !== undefined}
        title={t('station.decide')}
        onCancel={() => setDeciding(undefined)}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => deciding && decide.mutate({ id: deciding, ...values }, { onSuccess: () => setDeciding(undefined) })}
        >
          <Form.Item name="outcome" rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={gradeAppealOutcomes.map((value) => ({ value, label: t(`station.${value}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('station.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
