import { Alert, Button, Card, Checkbox, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type CertificateBody,
  type CreateHandlerBody,
  chinaToday,
  foodSafetyRoles,
  type HandlerView,
  useAddCertificate,
  useCreateHandler,
  useEntityWarnings,
  useHandlers,
} from './api.ts';
import { CertificateStateTag, WarningLevelTag } from './grade-tags.tsx';

/** Staff (从业人员) of one shop with their health certificate state, the open warnings, and the forms to add. */
export function ShopStaff({ entityId }: { entityId: number }) {
  const { t } = useTranslation('food-safety');
  const canEdit = hasAnyRole(useMe().data, foodSafetyRoles.edit);
  const handlers = useHandlers(entityId);
  const warnings = useEntityWarnings(entityId);
  const [isAdding, setAdding] = useState(false);
  const [certificateFor, setCertificateFor] = useState<HandlerView | undefined>();
  return (
    <Card
      size="small"
      title={t('staff.title', { count: handlers.data?.total ?? 0 })}
      extra={
        canEdit ? (
          <Button onClick={() => setAdding(true)} data-testid="add-staff">
            {t('staff.add')}
          </Button>
        ) : null
      }
    >
      {(warnings.data?.items.length ?? 0) > 0 ? (
        <Alert
          type="warning"
          style={{ marginBottom: 8 }}
          data-testid="certificate-warnings"
          title={t('staff.warnings', { count: warnings.data?.total ?? 0 })}
          description={
            <List
              size="small"
              dataSource={warnings.data?.items}
              rowKey="id"
              renderItem={(row) => (
                <List.Item data-testid={`warning-${row.id}`}>
                  <span>
                    {row.handlerName} <WarningLevelTag level={row.level} /> {row.validUntil ?? ''}
                  </span>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      <List
        size="small"
        loading={handlers.isLoading}
        dataSource={handlers.data?.items}
        rowKey="id"
        locale={{ emptyText: t('staff.none') }}
        renderItem={(row) => (
          <List.Item
            data-testid={`staff-${row.id}`}
            actions={
              canEdit
                ? [
                    <Button key="certificate" size="small" onClick={() => setCertificateFor(row)}>
                      {t('staff.addCertificate')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {row.name} <CertificateStateTag state={row.certificateState} />
                  {row.otherShops > 0 ? <Tag>{t('staff.otherShops', { count: row.otherShops })}</Tag> : null}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {row.idNumberMasked} · {row.post || '—'} · {t('staff.validUntil', { date: row.certificateValidUntil ?? '—' })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {isAdding ? <AddStaffModal entityId={entityId} onClose={() => setAdding(false)} /> : null}
      {certificateFor ? <CertificateModal handler={certificateFor} onClose={() => setCertificateFor(undefined)} /> : null}
    </Card>
  );
}

function AddStaffModal({ entityId, onClose }: { entityId: number; onClose: () => void }) {
  const { t } = useTranslation('food-safety');
  const [form] = Form.useForm<Omit<CreateHandlerBody, 'entityId'>>();
  const create = useCreateHandler();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal open title={t('staff.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ hiredOn: chinaToday(), isFullTime: true }}
        onFinish={(values) =>
          create.mutate({ ...values, entityId }, { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) })
        }
      >
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t('staff.idNumber')} rules={[{ required: true, pattern: /^[1-9][0-9]{16}[0-9Xx]$/ }]}>
          <Input inputMode="text" maxLength={18} />
        </Form.Item>
        <Form.Item name="post" label={t('staff.post')}>
          <Input />
        </Form.Item>
        <Form.Item name="hiredOn" label={t('staff.hiredOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="isFullTime" valuePropName="checked">
          <Checkbox>{t('staff.fullTime')}</Checkbox>
        </Form.Item>
        {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
      </Form>
    </Modal>
  );
}

function CertificateModal({ handler, onClose }: { handler: HandlerView; onClose: () => void }) {
  const { t } = useTranslation('food-safety');
  const [form] = Form.useForm<CertificateBody>();
  const add = useAddCertificate();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('staff.addCertificate')} · ${handler.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ examinedOn: chinaToday() }}
        onFinish={(values) =>
          add.mutate(
            { ...values, validUntil: values.validUntil || undefined, id: handler.id },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="number" label={t('staff.certificateNumber')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="institution" label={t('staff.institution')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="examinedOn" label={t('staff.examinedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('staff.validUntilLabel')} extra={t('staff.validUntilHint')}>
          <Input type="date" />
        </Form.Item>
        {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
      </Form>
    </Modal>
  );
}
