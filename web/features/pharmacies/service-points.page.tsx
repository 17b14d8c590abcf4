import { Alert, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ServicePointBody, type ServicePointView, useCreateServicePoint, useServicePoints } from './api.ts';

/** Remote dispensing points (送药上山进岛) and 24-hour delivery pharmacies, with their service areas; the public page lists the open ones. */
export function ServicePointsPage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const canEdit = hasAnyRole(me, settingsRoles);
  const points = useServicePoints();
  const create = useCreateServicePoint();
  const [isAdding, setIsAdding] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [form] = Form.useForm<Omit<ServicePointBody, 'openedOn'> & { openedOn: Dayjs }>();
  const handleSave = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync({ ...values, openedOn: values.openedOn.format('YYYY-MM-DD') });
      setIsAdding(false);
      form.resetFields();
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <>
      <PageHeader
        title={t('servicePoints.title')}
        extra={
          <>
            {me ? (
              <Button href={`/public/pharmacy-service-points/${me.districtCode}`} target="_blank">
                {t('servicePoints.publicPage')}
              </Button>
            ) : null}
            {canEdit ? (
              <Button type="primary" onClick={() => setIsAdding(true)} style={{ marginLeft: 8 }}>
                {t('servicePoints.add')}
              </Button>
            ) : null}
          </>
        }
      />
      {points.error ? <Alert type="error" title={problemMessage(points.error)} /> : null}
      <Table<ServicePointView>
        size="small"
        rowKey="id"
        loading={points.isFetching}
        dataSource={points.data?.items}
        pagination={false}
        columns={[
          { title: t('servicePoints.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{t(`servicePoints.kinds.${kind}`)}</Tag> },
          { title: t('servicePoints.name'), dataIndex: 'name' },
          { title: t('servicePoints.serviceArea'), dataIndex: 'serviceArea' },
          { title: t('servicePoints.hours'), dataIndex: 'hours', responsive: ['md'] },
          { title: t('servicePoints.openedOn'), dataIndex: 'openedOn', responsive: ['md'], render: (value: string) => formatDate(value) },
        ]}
      />
      <Modal
        open={isAdding}
        title={t('servicePoints.add')}
        onOk={handleSave}
        confirmLoading={create.isPending}
        onCancel={() => setIsAdding(false)}
      >
        {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
        <Form form={form} layout="vertical" initialValues={{ kind: 'remote_point' }}>
          <Form.Item name="kind" label={t('servicePoints.kind')}>
            <Select
              options={(['remote_point', 'delivery_24h'] as const).map((kind) => ({
                value: kind,
                label: t(`servicePoints.kinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('servicePoints.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="streetCode" label={t('servicePoints.streetCode')} rules={[{ required: true }]}>
            <Input inputMode="numeric" maxLength={9} />
          </Form.Item>
          <Form.Item name="address" label={t('servicePoints.address')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="serviceArea" label={t('servicePoints.serviceArea')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="hours" label={t('servicePoints.hours')}>
            <Input />
          </Form.Item>
          <Form.Item name="openedOn" label={t('servicePoints.openedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
