import { Alert, Button, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type HolidayView, useHolidays, usePublishWarning, useSaveWarning, useWarnings, type WarningView } from './api.ts';

const stateColours: Record<HolidayView['state'], string> = { published: 'green', drafted: 'blue', due: 'red', upcoming: 'default' };

interface WarningValues {
  holidayName: string;
  holidayStart: dayjs.Dayjs;
  title: string;
  body: string;
}

/** Holiday consumption warnings: the holidays ahead with their warning's state, the warnings written, a form for a draft. */
export function HolidayWarnings() {
  const { t } = useTranslation('markets');
  const canWrite = hasAnyRole(useMe().data, settingsRoles);
  const holidays = useHolidays();
  const warnings = useWarnings();
  const save = useSaveWarning();
  const publish = usePublishWarning();
  const [form] = Form.useForm<WarningValues>();
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [errors, setErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const open = (id: number | null, values: Partial<WarningValues>) => {
    setErrors([]);
    form.resetFields();
    form.setFieldsValue(values);
    setEditing(id);
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        id: editing ?? null,
        body: { ...values, holidayStart: values.holidayStart.format('YYYY-MM-DD') },
      });
      setEditing(undefined);
    } catch (caught) {
      setErrors(applyProblemToForm(form, caught));
    }
  };
  const publishOne = async (id: number) => {
    setError(null);
    try {
      await publish.mutateAsync(id);
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const required = [{ required: true, message: t('confidence.required') }];
  return (
    <>
      <h3>{t('confidence.holidaysAhead')}</h3>
      <Table<HolidayView>
        size="small"
        rowKey="start"
        loading={holidays.isFetching}
        dataSource={holidays.data?.items}
        pagination={false}
        locale={{ emptyText: t('confidence.noHolidays') }}
        columns={[
          { title: t('confidence.holiday'), dataIndex: 'name' },
          { title: t('confidence.holidayStart'), dataIndex: 'start' },
          {
            title: t('confidence.warningState'),
            dataIndex: 'state',
            render: (state: HolidayView['state']) => <Tag color={stateColours[state]}>{t(`confidence.warningStates.${state}`)}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'write',
                  render: (_: unknown, holiday: HolidayView) =>
                    holiday.warningIds.length === 0 ? (
                      <Button
                        size="small"
                        onClick={() =>
                          open(null, {
                            holidayName: holiday.name,
                            holidayStart: dayjs(holiday.start),
                            title: t('confidence.defaultTitle', { holiday: holiday.name }),
                          })
                        }
                      >
                        {t('confidence.writeWarning')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Space style={{ margin: '16px 0 8px' }}>
        <h3 style={{ margin: 0 }}>{t('confidence.warnings')}</h3>
        {canWrite ? (
          <Button type="primary" size="small" onClick={() => open(null, {})} data-testid="new-warning">
            {t('confidence.newWarning')}
          </Button>
        ) : null}
      </Space>
      {error || warnings.error ? <Alert type="error" title={error ?? problemMessage(warnings.error)} /> : null}
      <Table<WarningView>
        size="small"
        rowKey="id"
        loading={warnings.isFetching}
        dataSource={warnings.data?.items}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        expandable={{ expandedRowRender: (warning) => <div style={{ whiteSpace: 'pre-wrap' }}>{warning.body}</div> }}
        columns={[
          { title: t('confidence.warningTitle'), dataIndex: 'title' },
          { title: t('confidence.holiday'), dataIndex: 'holidayName', responsive: ['md'] },
          { title: t('confidence.holidayStart'), dataIndex: 'holidayStart' },
          {
            title: t('confidence.publishedOn'),
            dataIndex: 'publishedOn',
            render: (day: string | null) => day ?? <Tag>{t('confidence.draft')}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, warning: WarningView) =>
                    warning.status === 'draft' ? (
                      <Space>
                        <Button size="small" onClick={() => open(warning.id, { ...warning, holidayStart: dayjs(warning.holidayStart) })}>
                          {t('confidence.edit')}
                        </Button>
                        <Button size="small" type="primary" onClick={() => publishOne(warning.id)}>
                          {t('confidence.publish')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? t('confidence.editWarning') : t('confidence.newWarning')}
        onCancel={() => setEditing(undefined)}
        onOk={submit}
        confirmLoading={save.isPending}
        okText={t('confidence.saveDraft')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="holidayName" label={t('confidence.holiday')} rules={required}>
            <Input maxLength={40} placeholder={t('confidence.holidayPlaceholder')} />
          </Form.Item>
          <Form.Item name="holidayStart" label={t('confidence.holidayStart')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label={t('confidence.warningTitle')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label={t('confidence.warningBody')} rules={required}>
            <Input.TextArea rows={8} maxLength={5000} showCount />
          </Form.Item>
          {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
        </Form>
      </Modal>
    </>
  );
}
