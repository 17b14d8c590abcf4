import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planKinds } from '../../../shared/vocabularies/sampling.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  type CreatePlanBody,
  chinaToday,
  type PlanView,
  samplingFields,
  samplingLinks,
  samplingRoles,
  useCreatePlan,
  usePlans,
} from './api.ts';

function completion(percent: string | null, label: string) {
  const value = percent === null ? 0 : Number(percent);
  return (
    <Progress
      aria-label={label}
      percent={Math.min(value, 100)}
      format={() => `${percent ?? '—'}%`}
      size="small"
      status={value >= 100 ? 'success' : 'active'}
    />
  );
}

export function SamplingPlansPage() {
  const { t } = useTranslation('sampling');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { filter, setFilters } = useUrlListState();
  const year = Number(filter('year')) || Number(chinaToday().slice(0, 4));
  const plans = usePlans(year);
  const create = useCreatePlan();
  const [isCreating, setCreating] = useState(false);
  const [form] = Form.useForm<CreatePlanBody>();

  return (
    <>
      <PageHeader
        title={t('title.plans')}
        extra={
          <>
            <Select
              aria-label={t('fields.year')}
              value={year}
              onChange={(next: number) => setFilters({ year: String(next) })}
              options={Array.from({ length: 8 }, (_, index) => Number(chinaToday().slice(0, 4)) - index).map((value) => ({
                value,
                label: value,
              }))}
            />
            {hasAnyRole(me, samplingRoles.decide) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('actions.newPlan')}
              </Button>
            )}
          </>
        }
      />
      {plans.error && <Alert type="error" title={problemMessage(plans.error)} />}
      {plans.data?.items.length === 0 && <Typography.Text type="secondary">{t('hints.none')}</Typography.Text>}
      <Flex vertical gap={12}>
        {plans.data?.items.map((plan: PlanView) => (
          <Card
            key={plan.id}
            size="small"
            title={
              <>
                {plan.name} <Tag>{t(`fieldKind.${plan.field}`)}</Tag>
                <Tag color={plan.kind === 'campaign' ? 'purple' : 'blue'}>{t(`planKind.${plan.kind}`)}</Tag>
              </>
            }
          >
            <Typography.Paragraph type="secondary">{plan.description}</Typography.Paragraph>
            <div>
              {t('fields.completion')}: {plan.doneBatches} / {plan.targetBatches}
            </div>
            {completion(plan.completionPercent, `${plan.name} ${t('fields.completion')}`)}
            {plan.targets.map((target) => (
              <div key={target.id} style={{ marginTop: 8 }}>
                {[target.link ? t(`link.${target.link}`) : null, target.category].filter(Boolean).join(' · ') || t('fields.targets')}:{' '}
                {target.doneBatches} / {target.targetBatches}
                {completion(target.completionPercent, `${target.category || t('fields.targets')} ${t('fields.completion')}`)}
              </div>
            ))}
          </Card>
        ))}
      </Flex>
      <Modal
        open={isCreating}
        title={t('actions.newPlan')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
      >
        <Form<CreatePlanBody>
          form={form}
          layout="vertical"
          initialValues={{ year, field: 'food', kind: 'routine', targets: [{ link: 'production', targetBatches: 100 }] }}
          onFinish={(values) =>
            create.mutate(values, {
              onSuccess: () => {
                message.success(t('saved'));
                setCreating(false);
              },
              onError: (error) => {
                const rest = applyProblemToForm(form, error);
                if (rest.length) message.error(rest.join('; '));
              },
            })
          }
        >
          <Form.Item name="year" label={t('fields.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="field" label={t('fields.field')}>
            <Radio.Group optionType="button" options={samplingFields.map((value) => ({ value, label: t(`fieldKind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('fields.kind')}>
            <Radio.Group optionType="button" options={planKinds.map((value) => ({ value, label: t(`planKind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('fields.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Typography.Text strong>{t('fields.targets')}</Typography.Text>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="baseline">
                    <Form.Item name={[field.name, 'link']}>
                      <Select
                        allowClear
                        placeholder={t('fields.link')}
                        aria-label={t('fields.link')}
                        style={{ width: 120 }}
                        options={samplingLinks.map((value) => ({ value, label: t(`link.${value}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'category']}>
                      <Input placeholder={t('fields.category')} aria-label={t('fields.category')} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'targetBatches']} rules={[{ required: true }]}>
                      <InputNumber min={1} placeholder={t('fields.targetBatches')} aria-label={t('fields.targetBatches')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ targetBatches: 10 })} block icon={<PlusOutlined />}>
                  {t('actions.addTarget')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
