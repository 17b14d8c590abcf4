import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industrySections } from '../../../shared/industry.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { businessCategories, type CreateEntityBody, entityKinds, type Street, useCreateEntity } from './api.ts';
import { streetLabel } from './registry-labels.ts';

interface EntityFormValues {
  creditCode: string;
  name: string;
  kind: CreateEntityBody['kind'];
  legalRepName: string;
  legalRepIdNumber: string;
  phone: string;
  industryCode: string;
  registeredCapitalWan: string;
  foundedOn: Dayjs | null;
  address: string;
  streetCode: string | null;
  businessCategory: NonNullable<CreateEntityBody['businessCategory']>;
}

interface EntityFormModalProps {
  streets: readonly Street[];
  onClose: () => void;
  onCreated: (id: number) => void;
}

const initialValues: EntityFormValues = {
  creditCode: '',
  name: '',
  kind: 'enterprise',
  legalRepName: '',
  legalRepIdNumber: '',
  phone: '',
  industryCode: '',
  registeredCapitalWan: '',
  foundedOn: null,
  address: '',
  streetCode: null,
  businessCategory: 'other',
};

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Registers a new entity (section staff and admins). The server checks the credit code; its field errors land on the fields. */
export function EntityFormModal({ streets, onClose, onCreated }: EntityFormModalProps) {
  const { t, i18n } = useTranslation(['registry', 'shell']);
  const [form] = Form.useForm<EntityFormValues>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const createEntity = useCreateEntity();
  const isPhone = useIsPhone();

  const handleFinish = async (values: EntityFormValues) => {
    setOtherErrors([]);
    // Server errors of the last attempt go; fields without client rules would keep them otherwise.
    form.setFields(Object.keys(initialValues).map((name) => ({ name: name as keyof EntityFormValues, errors: [] })));
    const body: CreateEntityBody = {
      creditCode: values.creditCode.trim().toUpperCase(),
      name: values.name.trim(),
      kind: values.kind,
      legalRepName: values.legalRepName.trim(),
      industryCode: values.industryCode.trim().toUpperCase(),
      foundedOn: values.foundedOn?.format('YYYY-MM-DD') ?? '',
      address: values.address.trim(),
      streetCode: values.streetCode ?? '',
      businessCategory: values.businessCategory,
    };
    const idNumber = optional(values.legalRepIdNumber);
    const phone = optional(values.phone);
    const capital = optional(values.registeredCapitalWan);
    if (idNumber) body.legalRepIdNumber = idNumber.toUpperCase();
    if (phone) body.phone = phone;
    if (capital) body.registeredCapitalWan = capital;
    try {
      const created = await createEntity.mutateAsync(body);
      onCreated(created.id);
    } catch (error) {
      setOtherErrors(applyProblemToForm(form, error));
    }
  };

  const industryCode = Form.useWatch('industryCode', form) ?? '';
  const section = industrySections.find((item) => item.letter === industryCode.trim().toUpperCase().charAt(0));
  const industryExtra = section ? (i18n.language === 'en' ? section.en : section.zh) : t('form.industryHint');

  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label }) }];

  return (
    <Modal
      open
      title={t('form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('shell:actions.save')}
      cancelText={t('shell:actions.cancel')}
      confirmLoading={createEntity.isPending}
      destroyOnHidden
      maskClosable={false}
      width={isPhone ? '100%' : 720}
    >
      {otherErrors.length > 0 ? <Alert type="error" showIcon title={otherErrors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form<EntityFormValues> form={form} layout="vertical" onFinish={handleFinish} initialValues={initialValues} data-testid="entity-form">
        <Form.Item
          name="creditCode"
          label={t('fields.creditCode')}
          rules={required(t('fields.creditCode'))}
          extra={t('form.creditCodeHint')}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="name" label={t('fields.name')} rules={required(t('fields.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')}>
          <Select options={entityKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item name="legalRepName" label={t('fields.legalRep')} rules={required(t('fields.legalRep'))}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="legalRepIdNumber" label={t('fields.legalRepId')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="industryCode" label={t('fields.industry')} rules={required(t('fields.industry'))} extra={industryExtra}>
          <Input maxLength={3} placeholder="H62" autoComplete="off" />
        </Form.Item>
        <Form.Item name="registeredCapitalWan" label={t('fields.capital')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="foundedOn"
          label={t('fields.foundedOn')}
          rules={[{ required: true, message: t('form.required', { field: t('fields.foundedOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')} rules={required(t('fields.address'))}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="streetCode"
          label={t('fields.street')}
          rules={[{ required: true, message: t('form.required', { field: t('fields.street') }) }]}
        >
          <Select options={streets.map((street) => ({ value: street.code, label: streetLabel(streets, street.code, i18n.language) }))} />
        </Form.Item>
        <Form.Item name="businessCategory" label={t('fields.category')}>
          <Select options={businessCategories.map((value) => ({ value, label: t(`categories.${value}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
