import { Alert, Button, Card, Col, Descriptions, Form, Image, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { settingsRoles } from '../../../shared/roles.ts';
import { ColourExplanationView, ColourTag, type EntityColourView, useEntityColour } from '../../components/colour-explanation.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { publicPageUrl, qrImageUrl, stickerUrl, useColourTables, useEntityAction } from './api.ts';

/** One unit's colour: why, what would change it, its history, its category, its public code and sticker. */
export function EntityColourPage() {
  const { t } = useTranslation('risk-code');
  const entityId = Number(useParams().id);
  const colour = useEntityColour(entityId);
  const canManage = hasAnyRole(useMe().data, settingsRoles);
  const view = colour.data;
  return (
    <>
      <PageHeader
        title={view?.name ? `${t('entity.titleShort')} · ${view.name}` : t('entity.title', { id: entityId })}
        extra={
          view?.token ? (
            <Button href={stickerUrl({ entityId })} target="_blank" rel="noopener">
              {t('entity.printSticker')}
            </Button>
          ) : null
        }
      />
      {colour.error ? <Alert type="error" title={problemMessage(colour.error)} /> : null}
      {view ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small" title={t('explanation.title')}>
                <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('entity.colour')}>
                    <ColourTag colour={view.colour} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('entity.riskLevel')}>{view.riskLevel ? t(`level.${view.riskLevel}`) : '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('entity.category')}>
                    {view.managementCategory ? t(`category.${view.managementCategory}`, { defaultValue: view.managementCategory }) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('entity.computedAt')}>{formatDateTime(view.computedAt)}</Descriptions.Item>
                </Descriptions>
                <FactList view={view} />
                <ColourExplanationView view={view} />
              </Card>
              <Card size="small" title={t('entity.history')}>
                <Table
                  size="small"
                  rowKey={(row) => `${row.changedAt}-${row.toColour}`}
                  pagination={false}
                  dataSource={view.history}
                  columns={[
                    { title: t('entity.changedAt'), dataIndex: 'changedAt', render: (at: string) => formatDateTime(at) },
                    {
                      title: t('entity.change'),
                      key: 'change',
                      render: (_, row) => (
                        <Space size={4}>
                          <ColourTag colour={row.fromColour} />→<ColourTag colour={row.toColour} />
                        </Space>
                      ),
                    },
                    {
                      title: t('entity.trigger'),
                      dataIndex: 'trigger',
                      render: (trigger: string) => t(`trigger.${trigger}`, { defaultValue: trigger }),
                    },
                    {
                      title: t('entity.reasons'),
                      dataIndex: 'reasons',
                      render: (codes: string[]) => codes.map((code) => t(`reason.${code}`, { defaultValue: code })).join('、'),
                    },
                  ]}
                />
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <PublicCode view={view} canManage={canManage} />
              {canManage ? <CategorySetter view={view} /> : null}
            </Space>
          </Col>
        </Row>
      ) : null}
    </>
  );
}

function PublicCode({ view, canManage }: { view: EntityColourView; canManage: boolean }) {
  const { t } = useTranslation('risk-code');
  const [action, setAction] = useState<'reissue' | 'revoke' | null>(null);
  return (
    <Card size="small" title={t('entity.publicCode')}>
      {view.token ? (
        <Space direction="vertical">
          <Image src={qrImageUrl(view.token)} width={180} preview={false} alt={t('entity.qr')} />
          <Typography.Link href={publicPageUrl(view.token)} target="_blank" rel="noopener">
            {publicPageUrl(view.token)}
          </Typography.Link>
        </Space>
      ) : (
        <Alert type="warning" title={t('entity.revoked')} />
      )}
      {canManage ? (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setAction('reissue')}>{t('entity.reissue')}</Button>
          {view.token ? (
            <Button danger onClick={() => setAction('revoke')}>
              {t('entity.revoke')}
            </Button>
          ) : null}
        </Space>
      ) : null}
      {action ? <ReasonModal entityId={view.entityId} kind={action} onClose={() => setAction(null)} /> : null}
    </Card>
  );
}

function ReasonModal({ entityId, kind, onClose }: { entityId: number; kind: 'reissue' | 'revoke'; onClose: () => void }) {
  const { t } = useTranslation('risk-code');
  const [form] = Form.useForm<{ reason: string }>();
  const act = useEntityAction(entityId);
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal open title={t(`entity.${kind}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={act.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          act.mutate(
            { kind, reason: values.reason },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="reason" label={t('entity.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('; ')} /> : null}
      </Form>
    </Modal>
  );
}

function CategorySetter({ view }: { view: EntityColourView }) {
  const { t } = useTranslation('risk-code');
  const tables = useColourTables();
  const act = useEntityAction(view.entityId);
  const categories = Object.keys(tables.data?.items[0]?.cells ?? {});
  return (
    <Card size="small" title={t('entity.category')}>
      <Select
        aria-label={t('entity.category')}
        style={{ width: '100%' }}
        value={view.managementCategory ?? undefined}
        loading={act.isPending}
        options={categories.map((key) => ({ value: key, label: t(`category.${key}`, { defaultValue: key }) }))}
        onChange={(managementCategory: string) => act.mutate({ kind: 'category', managementCategory })}
      />
      {act.error ? <Alert type="error" title={problemMessage(act.error)} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}

const factKeys = [
  'riskGrade',
  'dynamicGrade',
  'annualGrade',
  'latestInspection',
  'openRectifications',
  'certificateComplianceBasisPoints',
  'complaints12m',
  'failedSamples12m',
  'penaltyCases12m',
  'majorCases12m',
] as const;

/** The facts the colour was computed from; a fact whose module does not publish it yet says so. */
function FactList({ view }: { view: EntityColourView }) {
  const { t } = useTranslation('risk-code');
  const show = (key: (typeof factKeys)[number]): string => {
    if (!(key in view.facts)) return t('fact.unknown');
    const value = view.facts[key];
    if (value === null || value === undefined) return t(`fact.none.${key}`, { defaultValue: t('fact.noneGeneric') });
    if (key === 'latestInspection' && typeof value === 'object') return `${value.on} · ${t(`result.${value.result}`)}`;
    if (key === 'certificateComplianceBasisPoints') return `${((value as number) / 100).toFixed(2)}%`;
    if (key === 'dynamicGrade') return t(`dynamicGrade.${value}`);
    return String(value);
  };
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      title={t('fact.title')}
      style={{ marginBottom: 12 }}
      data-testid="colour-facts"
    >
      {factKeys.map((key) => (
        <Descriptions.Item key={key} label={t(`fact.${key}`)}>
          {show(key)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
