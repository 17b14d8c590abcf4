import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Pagination,
  Select,
  Spin,
  Switch,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  type CaseListItem,
  caseSources,
  caseStages,
  type OpenCaseBody,
  useCases,
  useEntityOptions,
  useOpenCase,
  useStreets,
  violationTypes,
} from './api.ts';
import { CaseDueTag, stageColors } from './case-labels.tsx';

function oneOf<T extends string>(values: readonly T[], text: string | undefined): T | undefined {
  return values.find((value) => value === text);
}

/** The case queue: nearest deadline first; the entity page links here with ?entityId=. */
export function CaseListPage() {
  const { t, i18n } = useTranslation(['enforcement', 'shell']);
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const isOpen = filter('open') !== 'all';
  const entityId = Number(filter('entityId')) || undefined;
  const cases = useCases({
    stage: oneOf(caseStages, filter('stage')),
    flag: oneOf(['due_soon', 'overdue'] as const, filter('flag')),
    isMajor: filter('major') === '1' ? true : undefined,
    isOpen: isOpen && !entityId ? true : undefined,
    entityId,
    q: filter('q'),
    page,
    pageSize,
  });
  const [isOpening, setOpening] = useState(false);
  const [form] = Form.useForm<Omit<OpenCaseBody, 'leadOn'> & { leadOn: Dayjs }>();
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const entities = useEntityOptions(query);
  const streets = useStreets();
  const openCase = useOpenCase();
  const chosenEntity = Form.useWatch('entityId', form);

  const handleOpen = async () => {
    const values = await form.validateFields();
    try {
      const created = await openCase.mutateAsync({ ...values, leadOn: values.leadOn.format('YYYY-MM-DD') });
      setOpening(false);
      navigate(`/cases/${created.id}`);
    } catch (error) {
      setErrors(applyProblemToForm(form, error));
    }
  };

  const columns: TableProps<CaseListItem>['columns'] = [
    { title: t('fields.number'), dataIndex: 'number', render: (number: string, item) => <Link to={`/cases/${item.id}`}>{number}</Link> },
    { title: t('fields.party'), dataIndex: 'partyName' },
    {
      title: t('fields.violationType'),
      dataIndex: 'violationType',
      responsive: ['lg'],
      render: (value: CaseListItem['violationType']) => t(`violations.${value}`),
    },
    { title: t('fields.station'), dataIndex: 'stationName', responsive: ['lg'] },
    {
      title: t('fields.stage'),
      dataIndex: 'stage',
      render: (stage: CaseListItem['stage'], item) => (
        <>
          <Tag color={stageColors[stage]}>{t(`stages.${stage}`)}</Tag>
          {item.isMajor ? <Tag color="red">{t('major')}</Tag> : null}
        </>
      ),
    },
    { title: t('fields.amount'), dataIndex: 'totalAmount', responsive: ['md'], align: 'right' },
    {
      title: t('fields.due'),
      dataIndex: 'currentDue',
      render: (due: string | null, item) =>
        item.currentStep ? (
          <span>
            {t(`steps.${item.currentStep}`)} <CaseDueTag due={due} flag={item.flag} />
          </span>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/cases/statistics')}>
              {t('statistics')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setErrors([]);
                form.resetFields();
                setOpening(true);
              }}
            >
              {t('open')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap vertical={isPhone} style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder={t('filters.search')}
          defaultValue={filter('q')}
          allowClear
          onSearch={(q) => setFilters({ q })}
          style={{ width: isPhone ? '100%' : 220 }}
        />
        <Select
          value={filter('stage')}
          placeholder={t('fields.stage')}
          allowClear
          onChange={(stage?: string) => setFilters({ stage })}
          options={caseStages.map((value) => ({ value, label: t(`stages.${value}`) }))}
          style={{ width: isPhone ? '100%' : 140 }}
        />
        <Select
          value={filter('flag')}
          placeholder={t('fields.due')}
          allowClear
          onChange={(flag?: string) => setFilters({ flag })}
          options={(['due_soon', 'overdue'] as const).map((value) => ({ value, label: t(`flags.${value}`) }))}
          style={{ width: isPhone ? '100%' : 130 }}
        />
        <Flex align="center" gap={6}>
          <Switch checked={filter('major') === '1'} onChange={(checked) => setFilters({ major: checked ? '1' : undefined })} />
          {t('major')}
        </Flex>
        <Flex align="center" gap={6}>
          <Switch checked={isOpen} onChange={(checked) => setFilters({ open: checked ? undefined : 'all' })} />
          {t('filters.open')}
        </Flex>
      </Flex>
      {cases.error ? <Alert type="error" title={problemMessage(cases.error)} /> : null}
      {isPhone ? (
        <Spin spinning={cases.isFetching}>
          {cases.data?.items.length === 0 ? <Empty /> : null}
          <Flex vertical gap={8}>
            {(cases.data?.items ?? []).map((item) => (
              <Card key={item.id} size="small" hoverable onClick={() => navigate(`/cases/${item.id}`)} styles={{ body: { padding: 12 } }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{item.partyName}</Typography.Text>
                  <Tag color={stageColors[item.stage]}>{t(`stages.${item.stage}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {item.number} · {t(`violations.${item.violationType}`)}
                </Typography.Text>
                <div>
                  <CaseDueTag due={item.currentDue} flag={item.flag} />
                </div>
              </Card>
            ))}
          </Flex>
          <Pagination
            style={{ marginTop: 12 }}
            size="small"
            current={page}
            pageSize={pageSize}
            total={cases.data?.total ?? 0}
            onChange={setPaging}
          />
        </Spin>
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data?.items}
          loading={cases.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: cases.data?.total ?? 0,
            onChange: setPaging,
            showTotal: (total) => t('shell:status.total', { total }),
          }}
        />
      )}
      <Modal
        open={isOpening}
        title={t('open')}
        onCancel={() => setOpening(false)}
        onOk={handleOpen}
        confirmLoading={openCase.isPending}
        destroyOnHidden
      >
        {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" initialValues={{ source: 'inspection', violationType: 'food_safety', leadOn: dayjs() }}>
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="source" label={t('fields.source')} rules={[{ required: true }]}>
            <Select options={caseSources.map((value) => ({ value, label: t(`sources.${value}`) }))} />
          </Form.Item>
          <Form.Item name="entityId" label={t('fields.entity')}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQuery }}
              allowClear
              options={(entities.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name}（${item.address}）` }))}
            />
          </Form.Item>
          {chosenEntity ? null : (
            <>
              <Form.Item name="partyName" label={t('fields.party')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="streetCode" label={t('fields.street')}>
                <Select
                  options={(streets.data?.items ?? []).map((street) => ({
                    value: street.code,
                    label: i18n.language === 'en' ? street.nameEn : street.name,
                  }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="violationType" label={t('fields.violationType')} rules={[{ required: true }]}>
            <Select options={violationTypes.map((value) => ({ value, label: t(`violations.${value}`) }))} />
          </Form.Item>
          <Form.Item name="leadOn" label={t('fields.leadOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="facts" label={t('fields.facts')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
