import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { attentionFlags } from '../../../shared/vocabularies/deadlines.ts';
import { CurrentStepDue } from '../../components/deadline-tag.tsx';
import { EntitySelect } from '../../components/entity-select.tsx';
import { ChoiceFilter, FilterBar, SearchFilter, SwitchFilter } from '../../components/list-filters.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { StreetSelect } from '../../components/street-select.tsx';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { oneOf, useUrlListState } from '../../lib/url-state.ts';
import { type CaseListItem, caseSources, caseStages, type OpenCaseBody, useCases, useOpenCase, violationTypes } from './api.ts';
import { CaseDueTag, stageColors } from './case-labels.tsx';

/** The case queue: nearest deadline first; the entity page links here with ?entityId=. */
export function CaseListPage() {
  const { t } = useTranslation(['enforcement', 'shell']);
  const navigate = useNavigate();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const isOpen = filter('open') !== 'all';
  const entityId = Number(filter('entityId')) || undefined;
  const cases = useCases({
    stage: oneOf(caseStages, filter('stage')),
    flag: oneOf(attentionFlags, filter('flag')),
    isMajor: filter('major') === '1' ? true : undefined,
    isOpen: isOpen && !entityId ? true : undefined,
    entityId,
    q: filter('q'),
    page,
    pageSize,
  });
  const [isOpening, setOpening] = useState(false);
  const [form] = Form.useForm<Omit<OpenCaseBody, 'leadOn'> & { leadOn: Dayjs }>();
  const [errors, setErrors] = useState<string[]>([]);
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
      render: (due: string | null, item) => (
        <CurrentStepDue
          stepLabel={item.currentStep ? t(`steps.${item.currentStep}`) : null}
          tag={<CaseDueTag due={due} flag={item.flag} />}
        />
      ),
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
      <FilterBar>
        <SearchFilter label={t('filters.search')} value={filter('q')} onSearch={(q) => setFilters({ q })} />
        <ChoiceFilter
          label={t('fields.stage')}
          value={filter('stage')}
          values={caseStages}
          labelOf={(value) => t(`stages.${value}`)}
          onChange={(stage) => setFilters({ stage })}
          width={140}
        />
        <ChoiceFilter
          label={t('fields.due')}
          value={filter('flag')}
          values={attentionFlags}
          labelOf={(value) => t(`flags.${value}`)}
          onChange={(flag) => setFilters({ flag })}
        />
        <SwitchFilter
          id="filter-major"
          label={t('major')}
          checked={filter('major') === '1'}
          onChange={(checked) => setFilters({ major: checked ? '1' : undefined })}
        />
        <SwitchFilter
          id="filter-open"
          label={t('filters.open')}
          checked={isOpen}
          onChange={(checked) => setFilters({ open: checked ? undefined : 'all' })}
        />
      </FilterBar>
      {cases.error ? <Alert type="error" title={problemMessage(cases.error)} /> : null}
      <ResponsiveList
        items={cases}
        columns={columns}
        card={(item) => ({
          title: item.partyName,
          tag: <Tag color={stageColors[item.stage]}>{t(`stages.${item.stage}`)}</Tag>,
          line: `${item.number} · ${t(`violations.${item.violationType}`)}`,
          due: <CaseDueTag due={item.currentDue} flag={item.flag} />,
        })}
        pathOf={(item) => `/cases/${item.id}`}
        page={page}
        pageSize={pageSize}
        onPaging={setPaging}
      />
      <Modal
        open={isOpening}
        title={t('open')}
        onCancel={() => setOpening(false)}
        onOk={handleOpen}
        confirmLoading={openCase.isPending}
        destroyOnHidden
      >
        {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ source: 'inspection', violationType: 'food_safety', leadOn: chinaTodayPicker() }}
        >
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="source" label={t('fields.source')} rules={[{ required: true }]}>
            <Select options={caseSources.map((value) => ({ value, label: t(`sources.${value}`) }))} />
          </Form.Item>
          <Form.Item name="entityId" label={t('fields.entity')}>
            <EntitySelect />
          </Form.Item>
          {chosenEntity ? null : (
            <>
              <Form.Item name="partyName" label={t('fields.party')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="streetCode" label={t('fields.street')}>
                <StreetSelect />
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
