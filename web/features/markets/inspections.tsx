import { Alert, Button, Card, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type InspectionView, useInspections, useMarketSettings, useRecordInspection } from './api.ts';

type Values = { note?: string } & Record<string, boolean | string | undefined>;

/**
 * 检查表: the station inspector fills the bureau's check-list on a market visit, pass or fail per item and a note; the
 * market's visits below, newest first, each with its failed items.
 */
export function Inspections({ marketId, canInspect }: { marketId: number; canInspect: boolean }) {
  const { t } = useTranslation('markets');
  const settings = useMarketSettings();
  const inspections = useInspections(marketId);
  const record = useRecordInspection(marketId);
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const items = settings.data?.checklistItems ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canInspect && items.length ? (
        <Card size="small" title={t('inspections.fill')}>
          {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 8 }} /> : null}
          {saved ? <Alert type="success" title={t('inspections.saved')} style={{ marginBottom: 8 }} /> : null}
          <Form
            form={form}
            layout="vertical"
            initialValues={Object.fromEntries(items.map((item) => [item.code, true]))}
            onFinish={async (values) => {
              setSaved(false);
              try {
                await record.mutateAsync({
                  results: items.map((item) => ({ code: item.code, passed: values[item.code] === true })),
                  note: typeof values.note === 'string' ? values.note : '',
                });
                form.resetFields();
                setProblems([]);
                setSaved(true);
              } catch (error) {
                setProblems(applyProblemToForm(form, error));
              }
            }}
          >
            {items.map((item) => (
              <Form.Item key={item.code} name={item.code} label={item.name} style={{ marginBottom: 8 }}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t('inspections.pass') },
                    { value: false, label: t('inspections.fail') },
                  ]}
                />
              </Form.Item>
            ))}
            <Form.Item name="note" label={t('inspections.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="save-inspection">
              {t('inspections.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<InspectionView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={inspections.isFetching}
        dataSource={inspections.data?.items ?? []}
        locale={{ emptyText: t('inspections.none') }}
        columns={[
          { title: t('inspections.inspectedOn'), dataIndex: 'inspectedOn' },
          {
            title: t('inspections.result'),
            dataIndex: 'passPercent',
            render: (value: number | null, row) => (
              <Tag color={row.passed === row.total ? 'green' : 'orange'}>
                {t('inspections.passed', { passed: row.passed, total: row.total, percent: value ?? 0 })}
              </Tag>
            ),
          },
          {
            title: t('inspections.failed'),
            key: 'failed',
            render: (_value, row) =>
              row.results
                .filter((result) => !result.passed)
                .map((result) => (
                  <Tag color="red" key={result.code}>
                    {result.name}
                  </Tag>
                )),
          },
          { title: t('inspections.note'), dataIndex: 'note', responsive: ['md'] },
          {
            title: t('inspections.inspector'),
            dataIndex: 'inspectorName',
            responsive: ['lg'],
            render: (value: string | null) => value ?? '—',
          },
        ]}
      />
    </Space>
  );
}
