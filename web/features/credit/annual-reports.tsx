import { Alert, Button, Card, Flex, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { YearSelect } from '../../components/period-statistics.tsx';
import { chinaYear } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type AnnualReportView, useAnnualReports, useFilingRates, useSendReminders } from './api.ts';
import { officerRoles } from './credit-roles.ts';
import { FilingImport } from './filing-import.tsx';
import { FilingModal } from './filing-modal.tsx';

const stateColours: Record<AnnualReportView['state'], string> = {
  filed_on_time: 'green',
  filed_late: 'orange',
  not_yet_due: 'blue',
  overdue: 'red',
};

/** 企业年报: the filing rate by kind and street, the reports of a year, reminders, entry by staff and the import. */
export function AnnualReports() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const canRead = hasAnyRole(me, ['admin', 'leader', 'section', 'inspector']);
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
      {canImport ? <FilingImport reportYear={reportYear} /> : null}
      {filingFor ? <FilingModal report={filingFor} onClose={() => setFilingFor(null)} /> : null}
    </Flex>
  );
}
