import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { bureauStaffRoles, caseWorkerRoles, settingsRoles } from '../../../shared/roles.ts';
import { abnormalStatuses, repairStatuses, singleFilingChannels } from '../../../shared/vocabularies/credit.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { YearSelect } from '../../components/period-statistics.tsx';
import { chinaToday, chinaTodayPicker, chinaYear } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type AbnormalReasonName,
  type AnnualReportView,
  type ImportResult,
  type ListingView,
  type RepairView,
  type SeriousView,
  useAnnualReports,
  useApplyRepair,
  useCreateListing,
  useDecideRepair,
  useEntitySearch,
  useFileReport,
  useFilingRates,
  useImportFilings,
  useListings,
  useMoveToSerious,
  useRemoveListing,
  useRepairs,
  useSendReminders,
  useSerious,
} from './api.ts';

const officerRoles = caseWorkerRoles;
const reasons: AbnormalReasonName[] = [
  'annual_report_not_filed',
  'unreachable_at_address',
  'false_information',
  'information_not_disclosed',
];
const stateColours: Record<AnnualReportView['state'], string> = {
  filed_on_time: 'green',
  filed_late: 'orange',
  not_yet_due: 'blue',
  overdue: 'red',
};

/** Credit supervision 信用监管: annual reports, the abnormal-operation list, the serious-violation list, credit repair. */
export function CreditPage() {
  const { t } = useTranslation('credit');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'reports';
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'reports', label: t('tabs.reports'), children: <AnnualReports /> },
          { key: 'abnormal', label: t('tabs.abnormal'), children: <Listings /> },
          { key: 'serious', label: t('tabs.serious'), children: <SeriousList /> },
          { key: 'repairs', label: t('tabs.repairs'), children: <Repairs /> },
        ]}
      />
    </>
  );
}

function EntityPicker({ value, onChange, testId }: { value?: number; onChange?: (value: number) => void; testId: string }) {
  const { t } = useTranslation('credit');
  const [query, setQuery] = useState('');
  const entities = useEntitySearch(query);
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ onSearch: setQuery }}
      filterOption={false}
      loading={entities.isFetching}
      placeholder={t('searchEntity')}
      options={entities.data?.items.map((item) => ({ value: item.id, label: `${item.name}（${item.creditCode}）` }))}
      data-testid={testId}
    />
  );
}

function AnnualReports() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const canRead = hasAnyRole(me, bureauStaffRoles);
  const canImport = hasAnyRole(me, settingsRoles);
  const [reportYear, setReportYear] = useState(chinaYear() - 1);
  const [filing, setFiling] = useState<'all' | 'filed' | 'not_filed'>('all');
  const [page, setPage] = useState(1);
  const reports = useAnnualReports({ reportYear, page, ...(filing === 'all' ? {} : { filing }) });
  const rates = useFilingRates(reportYear, canRead);
  const reminders = useSendReminders();
  const [filingFor, setFilingFor] = useState<AnnualReportView | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <span>{t('fields.reportYear')}</span>
        <YearSelect
          year={reportYear}
          onChange={(value) => {
            setReportYear(value);
            setPage(1);
          }}
          label={t('fields.reportYear')}
        />
        <Segmented
          value={filing}
          onChange={(value) => {
            setFiling(value as typeof filing);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('filter.all') },
            { value: 'not_filed', label: t('filter.notFiled') },
            { value: 'filed', label: t('filter.filed') },
          ]}
        />
        {isOfficer ? (
          <Button loading={reminders.isPending} onClick={() => reminders.mutate({ reportYear })} data-testid="send-reminders">
            {t('sendReminders')}
          </Button>
        ) : null}
      </Flex>
      {reminders.data ? <Alert type="success" title={t('remindersSent', reminders.data)} /> : null}
      {reminders.error ? <Alert type="error" title={problemMessage(reminders.error)} /> : null}
      {rates.data ? (
        <Card size="small" title={t('rateTitle', { year: reportYear, deadline: rates.data.deadline })}>
          <Flex gap={24} wrap>
            <Statistic title={t('rate.total')} value={rates.data.total.rate ?? '—'} suffix={rates.data.total.rate === null ? '' : '%'} />
            {rates.data.byKind.map((row) => (
              <Statistic key={row.key} title={t(`kinds.${row.key}`)} value={row.rate ?? '—'} suffix={row.rate === null ? '' : '%'} />
            ))}
          </Flex>
          <Table
            size="small"
            rowKey="key"
            style={{ marginTop: 12 }}
            pagination={false}
            dataSource={rates.data.byStreet}
            columns={[
              { title: t('fields.street'), dataIndex: 'label' },
              { title: t('rate.obliged'), dataIndex: 'obliged', responsive: ['sm'] },
              { title: t('rate.filed'), dataIndex: 'filed' },
              { title: t('rate.rate'), dataIndex: 'rate', render: (rate: number | null) => (rate === null ? '—' : `${rate}%`) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {rates.data.citation}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {reports.error ? <Alert type="error" title={problemMessage(reports.error)} /> : null}
      <Table<AnnualReportView>
        size="small"
        rowKey="id"
        loading={reports.isFetching}
        dataSource={reports.data?.items}
        pagination={{ current: page, pageSize: 20, total: reports.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.kind'), dataIndex: 'entityKind', responsive: ['md'], render: (kind: string) => t(`kinds.${kind}`) },
          {
            title: t('fields.state'),
            dataIndex: 'state',
            render: (state: AnnualReportView['state']) => <Tag color={stateColours[state]}>{t(`states.${state}`)}</Tag>,
          },
          { title: t('fields.filedOn'), dataIndex: 'filedOn', responsive: ['sm'], render: (day: string | null) => day ?? '—' },
          { title: t('fields.reminders'), dataIndex: 'reminderCount', responsive: ['lg'] },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row: AnnualReportView) =>
              row.filedOn === null ? (
                <Button size="small" onClick={() => setFilingFor(row)} data-testid={`file-${row.entityId}`}>
                  {t('recordFiling')}
                </Button>
              ) : null,
          },
        ]}
      />
      {canImport ? <ImportFilings reportYear={reportYear} /> : null}
      {filingFor ? <FilingModal report={filingFor} onClose={() => setFilingFor(null)} /> : null}
    </Flex>
  );
}

function FilingModal({ report, onClose }: { report: AnnualReportView; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOperator = hasAnyRole(me, ['operator']) && !hasAnyRole(me, officerRoles);
  const file = useFileReport();
  const [form] = Form.useForm<{ filedOn: dayjs.Dayjs; channel: 'online' | 'paper' | 'staff' }>();
  const [errors, setErrors] = useState<string[]>([]);
  const submit = (values: { filedOn: dayjs.Dayjs; channel: 'online' | 'paper' | 'staff' }) =>
    file.mutate(
      { entityId: report.entityId, reportYear: report.reportYear, filedOn: values.filedOn.format('YYYY-MM-DD'), channel: values.channel },
      { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
    );
  return (
    <Modal
      open
      title={`${t('recordFiling')} · ${report.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: file.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          filedOn: chinaTodayPicker(),
          channel: isOperator ? 'online' : report.entityKind === 'individual' ? 'paper' : 'staff',
        }}
      >
        <Form.Item name="filedOn" label={t('fields.filedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="channel" label={t('fields.channel')}>
          <Select
            disabled={isOperator}
            options={singleFilingChannels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

function ImportFilings({ reportYear }: { reportYear: number }) {
  const { t, i18n } = useTranslation('credit');
  const upload = useImportFilings();
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <Card size="small" title={t('import.title', { year: reportYear })}>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate({ file, reportYear, language: i18n.language }, { onSuccess: setResult });
          return false;
        }}
      >
        <Button loading={upload.isPending}>{t('import.choose')}</Button>
      </Upload>
      {upload.error ? <Alert type="error" title={problemMessage(upload.error)} style={{ marginTop: 8 }} /> : null}
      {result ? (
        <>
          <Alert type={result.rejected ? 'warning' : 'success'} title={t('import.result', result)} style={{ marginTop: 8 }} />
          {result.errors.length ? (
            <Table
              size="small"
              rowKey={(row) => `${row.rowNumber}-${row.field}`}
              pagination={{ pageSize: 10 }}
              dataSource={result.errors}
              columns={[
                { title: t('import.row'), dataIndex: 'rowNumber' },
                { title: t('import.column'), dataIndex: 'field' },
                { title: t('import.reason'), dataIndex: 'message' },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

function Listings() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const [status, setStatus] = useState<'listed' | 'removed' | 'moved_to_serious' | 'all'>('listed');
  const [page, setPage] = useState(1);
  const listings = useListings({ page, ...(status === 'all' ? {} : { status }) });
  const [removing, setRemoving] = useState<ListingView | null>(null);
  const [repairing, setRepairing] = useState<ListingView | null>(null);
  return (
    <Flex vertical gap={12}>
      {isOfficer ? <ListingForm /> : null}
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={([...abnormalStatuses, 'all'] as const).map((value) => ({
          value,
          label: t(`listingStatus.${value}`),
        }))}
      />
      {listings.error ? <Alert type="error" title={problemMessage(listings.error)} /> : null}
      <Table<ListingView>
        size="small"
        rowKey="id"
        loading={listings.isFetching}
        dataSource={listings.data?.items}
        pagination={{ current: page, pageSize: 20, total: listings.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.decisionNumber} · {row.legalBasis}
              {row.removedOn ? ` · ${t('fields.removedOn')} ${row.removedOn}（${row.removalReason ?? ''}）` : ''}
              {' · '}
              <Typography.Link href={`/api/v1/credit/abnormal-listings/${row.id}/decision.docx`}>{t('decisionDocument')}</Typography.Link>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.measure'), dataIndex: 'measure', responsive: ['md'], render: (measure: string) => t(`measures.${measure}`) },
          {
            title: t('fields.reason'),
            dataIndex: 'reason',
            render: (reason: string, row) => `${t(`reasons.${reason}`)}${row.reportYear ? `（${row.reportYear}）` : ''}`,
          },
          { title: t('fields.decidedOn'), dataIndex: 'decidedOn', responsive: ['sm'] },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: string, row) => (
              <>
                <Tag color={value === 'listed' ? 'red' : value === 'removed' ? 'green' : 'default'}>{t(`listingStatus.${value}`)}</Tag>
                {row.isSeriousCandidate ? <Tag color="volcano">{t('seriousCandidate')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              row.status === 'listed' ? (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => setRepairing(row)} data-testid={`apply-${row.id}`}>
                    {t('applyRepair')}
                  </Button>
                  {isOfficer ? (
                    <Button size="small" onClick={() => setRemoving(row)} data-testid={`remove-${row.id}`}>
                      {t('remove')}
                    </Button>
                  ) : null}
                  {me ? (
                    <Typography.Link href={`/public/credit/${me.districtCode}/${row.creditCode}`} target="_blank">
                      {t('publicRecord')}
                    </Typography.Link>
                  ) : null}
                </Flex>
              ) : null,
          },
        ]}
      />
      {removing ? <RemovalModal listing={removing} onClose={() => setRemoving(null)} /> : null}
      {repairing ? (
        <RepairModal target="abnormal_listing" targetId={repairing.id} name={repairing.entityName} onClose={() => setRepairing(null)} />
      ) : null}
    </Flex>
  );
}

function ListingForm() {
  const { t } = useTranslation('credit');
  const create = useCreateListing();
  const [form] = Form.useForm<{ entityId: number; reason: AbnormalReasonName; reportYear?: number; decidedOn: dayjs.Dayjs }>();
  const reason = Form.useWatch('reason', form);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = (values: { entityId: number; reason: AbnormalReasonName; reportYear?: number; decidedOn: dayjs.Dayjs }) => {
    setSaved(false);
    setErrors([]);
    create.mutate(
      {
        entityId: values.entityId,
        reason: values.reason,
        decidedOn: values.decidedOn.format('YYYY-MM-DD'),
        ...(values.reason === 'annual_report_not_filed' && values.reportYear ? { reportYear: values.reportYear } : {}),
      },
      {
        onSuccess: () => {
          setSaved(true);
          form.resetFields();
        },
        onError: (error) => setErrors(applyProblemToForm(form, error)),
      },
    );
  };
  return (
    <Card size="small" title={t('listTitle')} style={{ maxWidth: 640 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reason: 'annual_report_not_filed', reportYear: chinaYear() - 1, decidedOn: chinaTodayPicker() }}
      >
        <Form.Item name="entityId" label={t('fields.entity')} rules={[{ required: true, message: t('required') }]}>
          <EntityPicker testId="listing-entity" />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, message: t('required') }]}>
          <Select options={reasons.map((value) => ({ value, label: t(`reasons.${value}`) }))} data-testid="listing-reason" />
        </Form.Item>
        {reason === 'annual_report_not_filed' ? (
          <Form.Item name="reportYear" label={t('fields.reportYear')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={2013} max={chinaYear()} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="decidedOn" label={t('fields.decidedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {saved ? <Alert type="success" title={t('listed')} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="submit-listing">
          {t('list')}
        </Button>
      </Form>
    </Card>
  );
}

function RemovalModal({ listing, onClose }: { listing: ListingView; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const remove = useRemoveListing();
  const [form] = Form.useForm<{ removedOn: dayjs.Dayjs; removalReason: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('remove')} · ${listing.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: remove.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ removedOn: chinaTodayPicker() }}
        onFinish={(values) =>
          remove.mutate(
            { id: listing.id, removedOn: values.removedOn.format('YYYY-MM-DD'), removalReason: values.removalReason },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="removedOn" label={t('fields.removedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="removalReason" label={t('fields.removalReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

function RepairModal(props: { target: 'abnormal_listing' | 'serious_violation'; targetId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const apply = useApplyRepair();
  const [form] = Form.useForm<{ statement: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('applyRepair')} · ${props.name}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: apply.isPending }}
      okText={t('submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          apply.mutate(
            { target: props.target, targetId: props.targetId, statement: values.statement },
            { onSuccess: props.onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="statement" label={t('fields.statement')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="repair-statement" />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

function SeriousList() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const canMove = hasAnyRole(me, settingsRoles);
  const [page, setPage] = useState(1);
  const serious = useSerious(page);
  const candidates = useListings({ isSeriousCandidate: true, page: 1 });
  const move = useMoveToSerious();
  const [repairing, setRepairing] = useState<SeriousView | null>(null);
  return (
    <Flex vertical gap={12}>
      {canMove && candidates.data?.items.length ? (
        <Card size="small" title={t('candidatesTitle')}>
          {move.error ? <Alert type="error" title={problemMessage(move.error)} style={{ marginBottom: 8 }} /> : null}
          <Table<ListingView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={candidates.data.items}
            columns={[
              { title: t('fields.entity'), dataIndex: 'entityName' },
              { title: t('fields.decidedOn'), dataIndex: 'decidedOn' },
              { title: t('fields.reason'), dataIndex: 'reason', responsive: ['sm'], render: (reason: string) => t(`reasons.${reason}`) },
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, row) => (
                  <Button
                    size="small"
                    loading={move.isPending}
                    onClick={() => move.mutate({ abnormalListingId: row.id, listedOn: chinaToday() })}
                  >
                    {t('moveToSerious')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {serious.error ? <Alert type="error" title={problemMessage(serious.error)} /> : null}
      <Table<SeriousView>
        size="small"
        rowKey="id"
        loading={serious.isFetching}
        dataSource={serious.data?.items}
        pagination={{ current: page, pageSize: 20, total: serious.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.decisionNumber} · {row.legalBasis}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.listedOn'), dataIndex: 'listedOn' },
          { title: t('fields.termEndsOn'), dataIndex: 'termEndsOn', responsive: ['sm'] },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: string) => <Tag color={value === 'listed' ? 'red' : 'green'}>{t(`seriousStatus.${value}`)}</Tag>,
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              row.status === 'listed' ? (
                <Button
                  size="small"
                  disabled={chinaToday() < row.repairFrom}
                  title={t('repairFrom', { from: row.repairFrom })}
                  onClick={() => setRepairing(row)}
                >
                  {t('applyRepair')}
                </Button>
              ) : null,
          },
        ]}
      />
      {repairing ? (
        <RepairModal target="serious_violation" targetId={repairing.id} name={repairing.entityName} onClose={() => setRepairing(null)} />
      ) : null}
    </Flex>
  );
}

function Repairs() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const [status, setStatus] = useState<(typeof repairStatuses)[number] | 'all'>('submitted');
  const [page, setPage] = useState(1);
  const repairs = useRepairs({ page, ...(status === 'all' ? {} : { status }) });
  const decide = useDecideRepair();
  const [deciding, setDeciding] = useState<{ repair: RepairView; status: 'approved' | 'rejected' } | null>(null);
  const [note, setNote] = useState('');
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={([...repairStatuses, 'all'] as const).map((value) => ({ value, label: t(`repairStatus.${value}`) }))}
      />
      {repairs.error ? <Alert type="error" title={problemMessage(repairs.error)} /> : null}
      <Table<RepairView>
        size="small"
        rowKey="id"
        loading={repairs.isFetching}
        dataSource={repairs.data?.items}
        pagination={{ current: page, pageSize: 20, total: repairs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.statement}
              {row.decisionNote ? ` · ${row.decisionNote}` : ''}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.target'), dataIndex: 'target', responsive: ['md'], render: (target: string) => t(`targets.${target}`) },
          { title: t('fields.appliedOn'), dataIndex: 'appliedOn', responsive: ['sm'] },
          { title: t('fields.decisionDue'), dataIndex: 'decisionDue', responsive: ['md'] },
          { title: t('fields.status'), dataIndex: 'status', render: (value: string) => <Tag>{t(`repairStatus.${value}`)}</Tag> },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              isOfficer && row.status === 'submitted' ? (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ repair: row, status: 'approved' })}
                    data-testid={`approve-${row.id}`}
                  >
                    {t('approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ repair: row, status: 'rejected' })}>
                    {t('reject')}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
      />
      {deciding ? (
        <Modal
          open
          title={`${t(deciding.status === 'approved' ? 'approve' : 'reject')} · ${deciding.repair.entityName}`}
          onCancel={() => setDeciding(null)}
          okButtonProps={{ loading: decide.isPending }}
          okText={t('save')}
          onOk={() =>
            decide.mutate(
              { id: deciding.repair.id, status: deciding.status, decisionNote: note },
              {
                onSuccess: () => {
                  setDeciding(null);
                  setNote('');
                },
              },
            )
          }
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-label={t('fields.decisionNote')}
            placeholder={t('fields.decisionNote')}
          />
          {decide.error ? <Alert type="error" title={problemMessage(decide.error)} style={{ marginTop: 8 }} /> : null}
        </Modal>
      ) : null}
    </Flex>
  );
}
