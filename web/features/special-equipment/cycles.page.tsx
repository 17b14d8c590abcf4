import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type CycleTableVersion, type EquipmentKind, equipmentKinds, useCycleTables, useSaveCycleTable } from './api.ts';

const editorRoles = ['admin', 'section'] as const;

/** 检验周期表: the periodic-inspection cycles per kind, a version per effective day; section staff add a version. */
export function CyclesPage() {
  const { t } = useTranslation('special-equipment');
  const me = useMe().data;
  const tables = useCycleTables();
  const inForce = tables.data?.items.find((version) => version.id === tables.data?.inForceId);
  if (tables.error) return <Alert type="error" message={problemMessage(tables.error)} />;
  return (
    <>
      <PageHeader title={t('cycles.title')} />
      <Typography.Paragraph type="secondary">{t('cycles.rule')}</Typography.Paragraph>
      {hasAnyRole(me, editorRoles) && inForce ? <NewVersion base={inForce} /> : null}
      <Table<CycleTableVersion>
        rowKey={(version) => `${version.id}-${version.effectiveFrom}`}
        size="small"
        loading={tables.isLoading}
        dataSource={tables.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('cycles.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            fixed: 'left',
            render: (day: string, version) => (
              <>
                {formatDate(day)} {version.id === tables.data?.inForceId ? <Tag color="green">{t('cycles.inForce')}</Tag> : null}
                {version.isBuiltIn ? <Tag>{t('cycles.builtIn')}</Tag> : null}
              </>
            ),
          },
          ...equipmentKinds.map((kind) => ({
            title: t(`kinds.${kind}`),
            key: kind,
            render: (_: unknown, version: CycleTableVersion) => t('cycles.months', { count: version.months[kind] }),
          })),
          { title: t('cycles.note'), dataIndex: 'note' },
        ]}
      />
    </>
  );
}

function NewVersion({ base }: { base: CycleTableVersion }) {
  const { t } = useTranslation('special-equipment');
  const save = useSaveCycleTable();
  const [form] = Form.useForm<{ effectiveFrom: Dayjs; note?: string } & Record<EquipmentKind, number>>();
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <Card size="small" title={t('cycles.newVersion')} style={{ marginBottom: 16 }}>
      {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 8 }} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ ...base.months }}
        onFinish={async (values) => {
          setMessages([]);
          try {
            await save.mutateAsync({
              effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
              months: Object.fromEntries(equipmentKinds.map((kind) => [kind, values[kind]])),
              note: values.note ?? '',
            });
            form.resetFields(['effectiveFrom', 'note']);
          } catch (error) {
            const unplaced = applyProblemToForm(form, error);
            setMessages(unplaced);
          }
        }}
      >
        <Form.Item name="effectiveFrom" label={t('cycles.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {equipmentKinds.map((kind) => (
          <Form.Item key={kind} name={kind} label={t(`kinds.${kind}`)} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} addonAfter={t('cycles.monthUnit')} style={{ width: 130 }} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('cycles.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={save.isPending}>
          {t('cycles.save')}
        </Button>
      </Form>
    </Card>
  );
}
