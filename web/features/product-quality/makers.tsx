import { Alert, Button, DatePicker, Flex, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makerGrades } from '../../../shared/vocabularies/product-quality.ts';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type MakerView, useMakers, useRecordInspection } from './api.ts';

const gradeColours = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

/** 涉安类产品分类分级: makers graded today from sampling, cases, complaints and licences, with the inspection due by grade. */
export function Makers() {
  const { t } = useTranslation('product-quality');
  const [grade, setGrade] = useState<string | undefined>();
  const [isDue, setIsDue] = useState<boolean | undefined>();
  const [page, setPage] = useState(1);
  const [inspecting, setInspecting] = useState<MakerView | null>(null);
  const makers = useMakers({ grade, isDue, page });
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={t('makers.settingNote')} />
      <Space wrap>
        <Select
          allowClear
          aria-label={t('fields.grade')}
          placeholder={t('fields.grade')}
          style={{ width: 160 }}
          value={grade}
          onChange={(value) => {
            setGrade(value);
            setPage(1);
          }}
          options={makerGrades.map((value) => ({ value, label: t(`grades.${value}`) }))}
        />
        <Select
          allowClear
          aria-label={t('fields.isDue')}
          placeholder={t('fields.isDue')}
          style={{ width: 180 }}
          value={isDue === undefined ? undefined : String(isDue)}
          onChange={(value?: string) => {
            setIsDue(value === undefined ? undefined : value === 'true');
            setPage(1);
          }}
          options={[
            { value: 'true', label: t('makers.due') },
            { value: 'false', label: t('makers.notDue') },
          ]}
        />
        {makers.data ? (
          <Typography.Text type="secondary" data-testid="grade-counts">
            {makerGrades.map((value) => `${value} ${makers.data.byGrade[value]}`).join(' · ')}
          </Typography.Text>
        ) : null}
      </Space>
      <Table<MakerView>
        rowKey="id"
        size="small"
        loading={makers.isLoading}
        dataSource={makers.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: makers.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.productGroup'), dataIndex: 'productGroup', render: (value: string) => t(`groups.${value}`) },
          { title: t('fields.products'), dataIndex: 'products' },
          {
            title: t('fields.grade'),
            dataIndex: 'grade',
            render: (value: MakerView['grade'], row) => (
              <Tag color={gradeColours[value]}>
                {t(`grades.${value}`)} · {row.points}
              </Tag>
            ),
          },
          {
            title: t('fields.reasons'),
            dataIndex: 'reasons',
            render: (reasons: MakerView['reasons']) =>
              reasons.length ? reasons.map((reason) => `${t(`reasons.${reason.reason}`)} ${reason.points}`).join('；') : '—',
          },
          { title: t('fields.licence'), dataIndex: 'licenceState', render: (value: string) => t(`licence.${value}`) },
          { title: t('fields.lastInspectedOn'), dataIndex: 'lastInspectedOn', render: (value: string | null) => value ?? '—' },
          {
            title: t('fields.nextInspectionDue'),
            dataIndex: 'nextInspectionDue',
            render: (value: string, row) => (row.isDue ? <Tag color="red">{value}</Tag> : value),
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) => (
              <Button size="small" onClick={() => setInspecting(row)}>
                {t('makers.recordInspection')}
              </Button>
            ),
          },
        ]}
      />
      {inspecting ? <InspectionModal maker={inspecting} onClose={() => setInspecting(null)} /> : null}
    </Flex>
  );
}

function InspectionModal({ maker, onClose }: { maker: MakerView; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const record = useRecordInspection();
  const [form] = Form.useForm<{ inspectedOn: dayjs.Dayjs }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('makers.recordInspection')} · ${maker.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ inspectedOn: chinaTodayPicker() }}
        onFinish={(values) =>
          record.mutate(
            { id: maker.id, inspectedOn: values.inspectedOn.format('YYYY-MM-DD') },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="inspectedOn" label={t('fields.inspectedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
