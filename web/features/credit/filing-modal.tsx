import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type AnnualReportView, useFileReport } from './api.ts';
import { officerRoles } from './credit-roles.ts';

/** Records a filing: the operator online, a station a paper report (individual businesses) or a confirmed one. */
export function FilingModal({ report, onClose }: { report: AnnualReportView; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOperator = hasAnyRole(me, ['operator']) && !hasAnyRole(me, officerRoles);
  const file = useFileReport();
  const [form] = Form.useForm<{ filedOn: dayjs.Dayjs; channel: 'online' | 'paper' | 'staff' }>();
  const [errors, setErrors] = useState<string[]>([]);
  const submit = (values: { filedOn: dayjs.Dayjs; channel: 'online' | 'paper' | 'staff' }) =>
    file.mutate(
      { entityId: report.entityId, reportYear: report.reportYear, filedOn: values.filedOn.format('YYYY-MM-DD'), channel: values.channel },
      { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
    );
  return (
    <Modal
      open
      title={`${t('recordFiling')} · ${report.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: file.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          filedOn: chinaTodayPicker(),
          channel: isOperator ? 'online' : report.entityKind === 'individual' ? 'paper' : 'staff',
        }}
      >
        <Form.Item name="filedOn" label={t('fields.filedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="channel" label={t('fields.channel')}>
          <Select
            disabled={isOperator}
            options={(['online', 'paper', 'staff'] as const).map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
