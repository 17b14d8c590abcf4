import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { stallCategories } from '../../../shared/vocabularies/markets.ts';
import { EntitySelect } from '../../components/entity-select.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import {
  type MarketDetail,
  type StallView,
  useCreateStall,
  useRegisterMarket,
  useRegisterScale,
  useScales,
  useStalls,
  useUpdateMarket,
  useUpdateStall,
} from './api.ts';

type Category = (typeof stallCategories)[number];
const day = (value: dayjs.Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

interface MarketFormValues {
  entityId?: number;
  isUrban: boolean;
  operatorName?: string;
  handedOverOn?: dayjs.Dayjs | null;
}

/** 登记农贸市场 (section staff): a farmers' market of the registry, urban or not, its operator and hand-over day. */
export function RegisterMarketButton() {
  const { t } = useTranslation('markets');
  const navigate = useNavigate();
  const register = useRegisterMarket();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MarketFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      const market = await register.mutateAsync({
        entityId: values.entityId as number,
        isUrban: values.isUrban,
        operatorName: values.operatorName ?? '',
        handedOverOn: day(values.handedOverOn),
      });
      setOpen(false);
      navigate(`/markets/${market.id}`);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="register-market">
        {t('register.market')}
      </Button>
      <Modal open={open} title={t('register.market')} onOk={handleOk} confirmLoading={register.isPending} onCancel={() => setOpen(false)}>
        {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
        <Form<MarketFormValues> form={form} layout="vertical" initialValues={{ isUrban: true }}>
          <Form.Item name="entityId" label={t('register.entity')} extra={t('register.entityHelp')} rules={[{ required: true }]}>
            <EntitySelect placeholder={t('register.search')} />
          </Form.Item>
          <MarketFields />
        </Form>
      </Modal>
    </>
  );
}

function MarketFields() {
  const { t } = useTranslation('markets');
  return (
    <>
      <Form.Item name="isUrban" label={t('register.isUrban')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="operatorName" label={t('register.operatorName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="handedOverOn" label={t('register.handedOverOn')}>
        <DatePicker disabledDate={(value) => value.format('YYYY-MM-DD') > chinaToday()} />
      </Form.Item>
    </>
  );
}

/** 修改市场信息 (section staff). */
export function EditMarketButton({ market }: { market: MarketDetail }) {
  const { t } = useTranslation('markets');
  const update = useUpdateMarket(market.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MarketFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      await update.mutateAsync({
        isUrban: values.isUrban,
        operatorName: values.operatorName ?? '',
        handedOverOn: day(values.handedOverOn),
      });
      setOpen(false);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('register.edit')}</Button>
      <Modal
        open={open}
        title={t('register.edit')}
        onOk={handleOk}
        confirmLoading={update.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
        <Form<MarketFormValues>
          form={form}
          layout="vertical"
          initialValues={{
            isUrban: market.isUrban,
            operatorName: market.operatorName,
            handedOverOn: market.handedOverOn ? dayjs(market.handedOverOn) : null,
          }}
        >
          <MarketFields />
        </Form>
      </Modal>
    </>
  );
}

function StallHolderModal({ marketId, stall, onClose }: { marketId: number; stall: StallView; onClose: () => void }) {
  const { t } = useTranslation('markets');
  const update = useUpdateStall(marketId);
  const [form] = Form.useForm<{ category: Category; holderEntityId?: number | null }>();
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t('stalls.edit', { number: stall.number })}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await update.mutateAsync({ stallId: stall.id, category: values.category, holderEntityId: values.holderEntityId ?? null });
          onClose();
        } catch (error) {
          setProblems(applyProblemToForm(form, error));
        }
      }}
    >
      {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ category: stall.category, holderEntityId: stall.holderEntityId }}>
        <Form.Item name="category" label={t('stalls.category')} rules={[{ required: true }]}>
          <Select options={stallCategories.map((value) => ({ value, label: t(`stallCategories.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="holderEntityId"
          label={t('stalls.holder')}
          extra={stall.holderName ? t('stalls.currentHolder', { name: stall.holderName }) : null}
        >
          <EntitySelect placeholder={t('register.search')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 摊位: each stall with its holder (a registry business) and the complaints about the holder; add and change stalls. */
export function Stalls({ marketId, canEdit }: { marketId: number; canEdit: boolean }) {
  const { t } = useTranslation('markets');
  const stalls = useStalls(marketId);
  const create = useCreateStall(marketId);
  const [form] = Form.useForm<{ number: string; category: Category; holderEntityId?: number | null }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [editing, setEditing] = useState<StallView | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEdit ? (
        <Card size="small" title={t('stalls.add')}>
          {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 8 }} /> : null}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ category: 'vegetables' }}
            onFinish={async (values) => {
              try {
                await create.mutateAsync({
                  number: values.number,
                  category: values.category,
                  holderEntityId: values.holderEntityId ?? null,
                });
                form.resetFields();
                setProblems([]);
              } catch (error) {
                setProblems(applyProblemToForm(form, error));
              }
            }}
          >
            <Space wrap align="start">
              <Form.Item
                name="number"
                label={t('stalls.number')}
                rules={[{ required: true, pattern: /^[0-9A-Za-z-]{1,20}$/, message: t('stalls.numberFormat') }]}
              >
                <Input style={{ width: 120 }} maxLength={20} />
              </Form.Item>
              <Form.Item name="category" label={t('stalls.category')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 120 }}
                  options={stallCategories.map((value) => ({ value, label: t(`stallCategories.${value}`) }))}
                />
              </Form.Item>
              <Form.Item name="holderEntityId" label={t('stalls.holder')}>
                <EntitySelect style={{ width: 280 }} placeholder={t('register.search')} />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="add-stall">
              {t('stalls.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<StallView>
        size="small"
        rowKey="id"
        loading={stalls.isFetching}
        dataSource={stalls.data?.items ?? []}
        pagination={{ pageSize: 30 }}
        columns={[
          { title: t('stalls.number'), dataIndex: 'number' },
          { title: t('stalls.category'), dataIndex: 'category', render: (value: Category) => t(`stallCategories.${value}`) },
          { title: t('stalls.holder'), dataIndex: 'holderName', render: (value: string | null) => value ?? '—' },
          {
            title: t('complaints.title'),
            dataIndex: 'complaints',
            render: (value: number, row) => (
              <>
                {value}{' '}
                {row.shortWeightComplaints ? (
                  <Tag color="red">{t('complaints.shortWeight', { count: row.shortWeightComplaints })}</Tag>
                ) : null}
              </>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: '',
                  render: (_: unknown, row: StallView) => (
                    <Button size="small" onClick={() => setEditing(row)}>
                      {t('stalls.change')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <StallHolderModal marketId={marketId} stall={editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}

/** 计量器具: each scale with its verification (overdue flagged) and the short-weight complaints about its stall. */
export function Scales({ marketId, canEdit }: { marketId: number; canEdit: boolean }) {
  const { t } = useTranslation('markets');
  const scales = useScales(marketId);
  const stalls = useStalls(marketId);
  const register = useRegisterScale(marketId);
  const [form] = Form.useForm<{ serial: string; stallId?: number | null; verifiedOn: dayjs.Dayjs }>();
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <Card size="small" title={t('scales.title')}>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20 }}
        loading={scales.isFetching}
        dataSource={scales.data?.items ?? []}
        columns={[
          { title: t('scales.serial'), dataIndex: 'serial' },
          { title: t('scales.stall'), dataIndex: 'stallNumber', render: (value: string | null) => value ?? '—' },
          { title: t('scales.verifiedOn'), dataIndex: 'verifiedOn', responsive: ['md'] },
          {
            title: t('scales.validUntil'),
            dataIndex: 'validUntil',
            render: (value: string, row) => (
              <>
                {value} {row.overdue ? <Tag color="red">{t('scales.overdue')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('scales.shortWeight'),
            dataIndex: 'shortWeightComplaints',
            render: (value: number) => (value ? <Tag color="red">{t('complaints.shortWeight', { count: value })}</Tag> : 0),
          },
        ]}
      />
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8 }}
          onFinish={async (values) => {
            try {
              await register.mutateAsync({
                serial: values.serial,
                stallId: values.stallId ?? null,
                verifiedOn: values.verifiedOn.format('YYYY-MM-DD'),
              });
              form.resetFields();
              setProblems([]);
            } catch (error) {
              setProblems(applyProblemToForm(form, error));
            }
          }}
        >
          {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
          <Form.Item name="serial" label={t('scales.serial')} rules={[{ required: true, max: 40 }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="stallId" label={t('scales.stall')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={(stalls.data?.items ?? []).map((stall) => ({ value: stall.id, label: stall.number }))}
            />
          </Form.Item>
          <Form.Item name="verifiedOn" label={t('scales.verifiedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(value) => value.format('YYYY-MM-DD') > chinaToday()} />
          </Form.Item>
          <Button htmlType="submit" loading={register.isPending} data-testid="register-scale">
            {t('scales.register')}
          </Button>
        </Form>
      ) : null}
      {canEdit ? <p style={{ marginTop: 8, color: '#888' }}>{t('scales.help')}</p> : null}
    </Card>
  );
}
