import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Flex, List, Segmented, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  chinaToday,
  type LabStatus,
  labStatuses,
  useLabReceive,
  useLabResults,
  useLabSample,
  useLabSamples,
  useUploadReport,
} from './api.ts';
import { blankResults, ResultItemsEditor } from './result-items-editor.tsx';

/** One blind sample: receipt, results per item, the report file. Nothing here can name the source. */
function LabSampleDrawer({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useTranslation('sampling');
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const sample = useLabSample(code);
  const receive = useLabReceive(code);
  const results = useLabResults(code);
  const report = useUploadReport(code);
  const [receivedOn, setReceivedOn] = useState<Dayjs>(dayjs(chinaToday()));
  const done = { onSuccess: () => message.success(t('saved')), onError: (error: unknown) => message.error(problemMessage(error)) };
  const row = sample.data;
  return (
    <Drawer open onClose={onClose} title={<code>{code}</code>} size={isPhone ? '100%' : 560}>
      {sample.error && <Alert type="error" title={problemMessage(sample.error)} />}
      {row && (
        <Flex vertical gap={12}>
          <Alert type="info" title={t('hints.blind')} />
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('fields.blindCode')}>
              <code>{row.blindCode}</code> {row.isRetest && <Tag color="purple">{t('actions.retest')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('fields.category')}
            >{`${t(`fieldKind.${row.field}`)} · ${row.category} / ${row.productType}`}</Descriptions.Item>
            <Descriptions.Item label={t('fields.testItems')}>{row.testItems.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.receivedOn')}>{row.receivedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.reportDue')}>
              {row.reportDue ?? '—'} {row.isOverdue && <Tag color="red">{t('hints.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.conclusion')}>
              <span data-testid="lab-conclusion">{row.conclusion ? t(`verdict.${row.conclusion}`) : '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          {row.labStatus === 'to_receive' && (
            <Flex gap={8}>
              <DatePicker value={receivedOn} onChange={(day) => day && setReceivedOn(day)} inputReadOnly={isPhone} />
              <Button
                type="primary"
                data-testid="lab-receive"
                loading={receive.isPending}
                onClick={() => receive.mutate(receivedOn.format('YYYY-MM-DD'), done)}
              >
                {t('actions.receive')}
              </Button>
            </Flex>
          )}
          {row.labStatus !== 'to_receive' && (
            <>
              <Card size="small" title={t('fields.report')}>
                <input
                  id="lab-report"
                  type="file"
                  accept="application/pdf,image/png,image/jpeg"
                  hidden
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) report.mutate(file, done);
                    event.target.value = '';
                  }}
                />
                <Flex gap={8} wrap align="center">
                  <Button
                    icon={<UploadOutlined />}
                    loading={report.isPending}
                    onClick={() => document.getElementById('lab-report')?.click()}
                  >
                    {t('actions.uploadReport')}
                  </Button>
                  {row.report && (
                    <a href={`/api/v1/lab/samples/${row.blindCode}/report`}>
                      {t('actions.download')} ({row.report.contentType}, {Math.ceil(row.report.byteSize / 1024)} KB)
                    </a>
                  )}
                </Flex>
                <Typography.Text type="secondary">{t('hints.reportHint')}</Typography.Text>
              </Card>
              <Card size="small" title={t('fields.results')}>
                <ResultItemsEditor
                  key={row.results.length}
                  initial={blankResults(row.testItems, row.results)}
                  isPending={results.isPending}
                  onSubmit={(items) => results.mutate(items, done)}
                />
              </Card>
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}

export function LabWorkbenchPage() {
  const { t } = useTranslation('sampling');
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const labStatus: LabStatus = labStatuses.find((value) => value === filter('labStatus')) ?? 'to_receive';
  const samples = useLabSamples({ labStatus, page, pageSize });
  const [open, setOpen] = useState<string>();
  return (
    <>
      <PageHeader title={t('title.lab')} />
      <Alert type="info" title={t('hints.blind')} style={{ marginBottom: 12 }} />
      <Segmented
        value={labStatus}
        onChange={(next) => setFilters({ labStatus: String(next) })}
        options={labStatuses.map((value) => ({ value, label: t(`labStatus.${value}`) }))}
        style={{ marginBottom: 12 }}
      />
      {samples.error && <Alert type="error" title={problemMessage(samples.error)} />}
      <List
        loading={samples.isLoading}
        dataSource={samples.data?.items ?? []}
        pagination={{ current: page, pageSize, total: samples.data?.total ?? 0, onChange: setPaging, size: 'small' }}
        renderItem={(row) => (
          <List.Item style={{ display: 'block', padding: 0, borderBlockEnd: 0 }}>
            <Card
              size="small"
              hoverable
              style={{ marginBottom: 8 }}
              onClick={() => setOpen(row.blindCode)}
              data-testid={`lab-sample-${row.blindCode}`}
            >
              <Flex justify="space-between" wrap gap={8}>
                <span>
                  <code>{row.blindCode}</code> · {row.productType} · {row.testItems.join('、')}
                </span>
                <span>
                  {row.isRetest && <Tag color="purple">{t('actions.retest')}</Tag>}
                  {row.conclusion && <Tag color={row.conclusion === 'unqualified' ? 'red' : 'green'}>{t(`verdict.${row.conclusion}`)}</Tag>}
                  {row.reportDue && `${t('fields.reportDue')} ${row.reportDue}`}{' '}
                  {row.isOverdue && <Tag color="red">{t('hints.overdue')}</Tag>}
                </span>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      {open && <LabSampleDrawer code={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
