import { Alert, Button, Checkbox, Form, Modal, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bureauStaffRoles, caseWorkerRoles, settingsRoles } from '../../../shared/roles.ts';
import { confidenceCommitments, confidenceUnitKinds, confidenceUnitStatuses } from '../../../shared/vocabularies/markets.ts';
import { EntitySelect } from '../../components/entity-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type UnitBody, type UnitView, useApplyForUnit, useDecideUnit, useReviewUnit, useUnits } from './api.ts';
import { ConfidenceSettings } from './settings.tsx';
import { HolidayWarnings } from './warnings.tsx';

/** An application: a business of the registry (an operator: their own), the kind of unit and its commitments. */
function ApplyModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation('markets');
  const apply = useApplyForUnit();
  const [form] = Form.useForm<UnitBody>();
  const [errors, setErrors] = useState<string[]>([]);
  const required = [{ required: true, message: t('confidence.required') }];
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await apply.mutateAsync(values);
      form.resetFields();
      onClose();
    } catch (caught) {
      setErrors(applyProblemToForm(form, caught));
    }
  };
  return (
    <Modal
      open={isOpen}
      title={t('confidence.apply')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={apply.isPending}
      okText={t('confidence.submitApplication')}
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'model_shop', commitments: ['no_reason_return', 'first_responsibility'] }}>
        <Form.Item name="entityId" label={t('confidence.business')} rules={required}>
          <EntitySelect placeholder={t('confidence.businessPlaceholder')} data-testid="unit-entity" />
        </Form.Item>
        <Form.Item name="kind" label={t('confidence.kind')} rules={required}>
          <Select options={confidenceUnitKinds.map((value) => ({ value, label: t(`confidence.kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item name="commitments" label={t('confidence.commitments')} rules={required}>
          <Checkbox.Group options={confidenceCommitments.map((value) => ({ value, label: t(`confidence.commitmentNames.${value}`) }))} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

/** The units by status: applications for the station to review, the listed units with their yearly review. */
function Units() {
  const { t } = useTranslation('markets');
  const me = useMe().data;
  const canReview = hasAnyRole(me, caseWorkerRoles);
  const [status, setStatus] = useState<string>('applied');
  const [page, setPage] = useState(1);
  const [isApplying, setApplying] = useState(false);
  const units = useUnits(status, page);
  const decide = useDecideUnit();
  const review = useReviewUnit();
  const [error, setError] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState<UnitView | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    setReviewed(null);
    try {
      await work();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(String(value));
            setPage(1);
          }}
          options={confidenceUnitStatuses.map((value) => ({ value, label: t(`confidence.statuses.${value}`) }))}
        />
        <Button type="primary" onClick={() => setApplying(true)} data-testid="apply-unit">
          {t('confidence.apply')}
        </Button>
      </Space>
      <ApplyModal isOpen={isApplying} onClose={() => setApplying(false)} />
      {error || units.error ? <Alert type="error" title={error ?? problemMessage(units.error)} style={{ marginBottom: 12 }} /> : null}
      {reviewed ? (
        <Alert
          type={reviewed.status === 'removed' ? 'warning' : 'success'}
          title={t(reviewed.status === 'removed' ? 'confidence.reviewRemoved' : 'confidence.reviewKept', {
            name: reviewed.name,
            complaints: reviewed.lastReviewComplaints ?? 0,
            cases: reviewed.lastReviewCases ?? 0,
          })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<UnitView>
        size="small"
        rowKey="id"
        loading={units.isFetching}
        dataSource={units.data?.items}
        pagination={{ current: page, pageSize: 20, total: units.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('confidence.name'), dataIndex: 'name' },
          { title: t('confidence.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{t(`confidence.kinds.${kind}`)}</Tag> },
          {
            title: t('confidence.commitments'),
            dataIndex: 'commitments',
            responsive: ['md'],
            render: (commitments: string[]) => commitments.map((code) => t(`confidence.commitmentNames.${code}`)).join('、'),
          },
          { title: t('confidence.appliedOn'), dataIndex: 'appliedOn', responsive: ['md'] },
          {
            title: t('confidence.lastReview'),
            key: 'lastReview',
            responsive: ['md'],
            render: (_: unknown, unit: UnitView) =>
              unit.lastReviewOn
                ? t('confidence.lastReviewCounts', {
                    day: unit.lastReviewOn,
                    complaints: unit.lastReviewComplaints ?? 0,
                    cases: unit.lastReviewCases ?? 0,
                  })
                : '—',
          },
          { title: t('confidence.reviewDueOn'), dataIndex: 'reviewDueOn', render: (day: string | null) => day ?? '—' },
          ...(canReview && (status === 'applied' || status === 'listed')
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, unit: UnitView) =>
                    unit.status === 'applied' ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => act(() => decide.mutateAsync({ id: unit.id, decision: 'approve' }))}
                        >
                          {t('confidence.approve')}
                        </Button>
                        <Button size="small" onClick={() => act(() => decide.mutateAsync({ id: unit.id, decision: 'reject' }))}>
                          {t('confidence.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <Button
                        size="small"
                        onClick={() => act(async () => setReviewed(await review.mutateAsync({ id: unit.id })))}
                        data-testid={`review-${unit.id}`}
                      >
                        {t('confidence.review')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** 放心消费: the units, the holiday consumption warnings (bureau staff) and the removal thresholds (the section). */
export function ConsumerConfidencePage() {
  const { t } = useTranslation('markets');
  const me = useMe().data;
  return (
    <>
      <PageHeader
        title={t('confidence.title')}
        extra={
          me ? (
            <Button href={`/public/consumer-confidence/${me.districtCode}`} target="_blank">
              {t('market.publicPage')}
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          { key: 'units', label: t('confidence.unitsTab'), children: <Units /> },
          ...(hasAnyRole(me, bureauStaffRoles)
            ? [{ key: 'warnings', label: t('confidence.warningsTab'), children: <HolidayWarnings /> }]
            : []),
          ...(hasAnyRole(me, settingsRoles)
            ? [{ key: 'settings', label: t('confidence.settingsTab'), children: <ConfidenceSettings /> }]
            : []),
        ]}
      />
    </>
  );
}
