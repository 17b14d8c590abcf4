import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Modal, Select, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { chinaToday, formatFen, type SampleView, samplingRoles, useLabs, useSample, useSampleStep, useUploadPhoto } from './api.ts';
import { blankResults, ResultItemsEditor } from './result-items-editor.tsx';
import { verdictColor } from './sample-list.page.tsx';

type DateStep = 'send' | 'notify' | 'retest';
const dateField: Record<DateStep, string> = { send: 'sentOn', notify: 'notifiedOn', retest: 'requestedOn' };

export function SampleDetailPage() {
  const { t } = useTranslation('sampling');
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const sample = useSample(id);
  const labs = useLabs();
  const step = useSampleStep(id);
  const photo = useUploadPhoto(id);
  const [dateStep, setDateStep] = useState<DateStep>();
  const [isRapidOpen, setRapidOpen] = useState(false);
  const [form] = Form.useForm<{ day: Dayjs; labId?: number }>();

  if (sample.isLoading) return <Spin />;
  if (sample.error || !sample.data) return <Alert type="error" title={problemMessage(sample.error)} />;
  const row: SampleView = sample.data;
  const canSample = hasAnyRole(me, samplingRoles.sample);
  const canDecide = hasAnyRole(me, samplingRoles.decide);
  const run = (name: Parameters<typeof step.mutate>[0]['step'], body: unknown, onDone?: () => void) =>
    step.mutate(
      { step: name, body },
      {
        onSuccess: (next) => {
          message.success(t('saved'));
          onDone?.();
          if (next.id !== row.id) navigate(`/sampling/samples/${next.id}`);
        },
        onError: (error) => message.error(problemMessage(error)),
      },
    );
  const late = (isLate: boolean) => (isLate ? <Tag color="red">{t('hints.late')}</Tag> : null);

  const actions = [
    canSample && row.status === 'sampled' && row.testMethod === 'lab' && (
      <Button key="send" type="primary" onClick={() => setDateStep('send')}>
        {t('actions.send')}
      </Button>
    ),
    canSample && row.status === 'sampled' && row.testMethod === 'rapid' && (
      <Button key="rapid" type="primary" onClick={() => setRapidOpen(true)}>
        {t('actions.rapidResult')}
      </Button>
    ),
    canSample && row.testMethod === 'rapid' && row.rapidResultAt && !row.objectionFiledAt && (
      <Button key="objection" onClick={() => run('objection', { filedAt: new Date().toISOString() })}>
        {t('actions.objection')}
      </Button>
    ),
    canDecide && row.status === 'reported' && !row.objectionFiledAt && (
      <Button key="notify" type="primary" data-testid="step-notify" onClick={() => setDateStep('notify')}>
        {t('actions.notify')}
      </Button>
    ),
    canDecide && row.status === 'notified' && row.retestDue && !row.retestRequestedOn && (
      <Button key="retest" onClick={() => setDateStep('retest')}>
        {t('actions.retest')}
      </Button>
    ),
    canDecide && row.canPublish && (
      <Button key="publish" onClick={() => run('publish', {})}>
        {t('actions.publish')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={
          <>
            {row.productName} <Tag>{t(`status.${row.status}`)}</Tag>
            {row.finalVerdict && (
              <Tag color={verdictColor(row.finalVerdict)} data-testid="final-verdict">
                {t(`verdict.${row.finalVerdict}`)}
              </Tag>
            )}
          </>
        }
        extra={actions}
      />
      {!row.rules.isConfirmed && (
        <Alert
          type="info"
          showIcon
          title={t('hints.rulesUnconfirmed', { citation: row.rules.citation, note: row.rules.note })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions column={isPhone ? 1 : 2} size="small">
            <Descriptions.Item label={t('fields.entity')}>{row.entityName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.creditCode')}>{row.entityCreditCode}</Descriptions.Item>
            <Descriptions.Item label={t('fields.address')}>{row.entityAddress}</Descriptions.Item>
            <Descriptions.Item label={t('fields.plan')}>{row.planName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.link')}>{`${t(`fieldKind.${row.field}`)} · ${t(`link.${row.link}`)}`}</Descriptions.Item>
            <Descriptions.Item label={t('fields.category')}>{`${row.category} / ${row.productType}`}</Descriptions.Item>
            <Descriptions.Item label={t('fields.brand')}>{row.brand || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.batchNo')}>{row.batchNo || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.productionDate')}>{row.productionDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.quantity')}>{row.quantity || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.price')}>{formatFen(row.priceFen)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.samplers')}>
              {row.samplers.map((sampler) => sampler.displayName).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.entityConfirmedBy')}>{row.entityConfirmedBy}</Descriptions.Item>
            <Descriptions.Item label={t('fields.testMethod')}>{t(`testMethod.${row.testMethod}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.testItems')}>{row.testItems.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('fields.blindCode')}>
              <code>{row.blindCode}</code>
            </Descriptions.Item>
            {row.retestOfId && (
              <Descriptions.Item label={t('actions.retest')}>
                <Link to={`/sampling/samples/${row.retestOfId}`}>#{row.retestOfId}</Link>
              </Descriptions.Item>
            )}
            {row.retestSampleIds.length > 0 && (
              <Descriptions.Item label={t('actions.retest')}>
                {row.retestSampleIds.map((retestId) => (
                  <Link key={retestId} to={`/sampling/samples/${retestId}`}>
                    #{retestId}{' '}
                  </Link>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card size="small" title={t('fields.nextDeadline')}>
          <Descriptions column={isPhone ? 1 : 2} size="small">
            <Descriptions.Item label={t('fields.sampledOn')}>{row.sampledOn}</Descriptions.Item>
            <Descriptions.Item label={t('fields.toLabDue')}>
              {row.testMethod === 'lab' ? row.toLabDue : '—'} {late(row.isSentLate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.lab')}>{row.lab?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.sentOn')}>{row.sentOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.receivedOn')}>{row.receivedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.reportDue')}>
              {row.reportDue ?? '—'} {late(row.isReportLate)}
            </Descriptions.Item>
            {row.objectionDueAt && (
              <Descriptions.Item label={t('fields.objectionDueAt')}>{formatDateTime(row.objectionDueAt)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('fields.notifiedOn')}>{row.notifiedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.retestDue')}>{row.retestDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.backupKeepUntil')}>{row.backupKeepUntil ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.publishedOn')}>{row.publishedOn ?? '—'}</Descriptions.Item>
            {row.handlingId && (
              <Descriptions.Item label={t('title.handling')}>
                <Link to={`/sampling/handling?focus=${row.handlingId}`}>#{row.handlingId}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {row.retestDue && !row.retestRequestedOn && <Typography.Text type="secondary">{t('hints.retestLab')}</Typography.Text>}
        </Card>
        <Card size="small" title={t('fields.results')}>
          <Table
            size="small"
            rowKey="itemName"
            pagination={false}
            scroll={{ x: true }}
            dataSource={row.results}
            columns={[
              { title: t('fields.itemName'), dataIndex: 'itemName' },
              { title: t('fields.measured'), render: (_, item) => `${item.measured} ${item.unit}` },
              { title: t('fields.limitText'), dataIndex: 'limitText' },
              { title: t('fields.methodStandard'), dataIndex: 'methodStandard' },
              {
                title: t('fields.verdict'),
                render: (_, item) => <Tag color={item.verdict === 'fail' ? 'red' : 'green'}>{t(`verdict.${item.verdict}`)}</Tag>,
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={t('fields.files')}
          extra={
            canSample && (
              <Button icon={<CameraOutlined />} loading={photo.isPending} onClick={() => document.getElementById('sample-photo')?.click()}>
                {t('actions.uploadPhoto')}
              </Button>
            )
          }
        >
          <input
            id="sample-photo"
            type="file"
            accept="image/png,image/jpeg"
            capture="environment"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file)
                photo.mutate(file, {
                  onSuccess: () => message.success(t('saved')),
                  onError: (error) => message.error(problemMessage(error)),
                });
              event.target.value = '';
            }}
          />
          <Typography.Text type="secondary">{t('hints.photoHint')}</Typography.Text>
          {row.files.map((file) => (
            <div key={file.id}>
              <a href={`/api/v1/sampling/files/${file.id}`}>
                {file.kind === 'report' ? t('fields.report') : t('actions.uploadPhoto')} · {file.contentType} ·{' '}
                {Math.ceil(file.byteSize / 1024)} KB
              </a>
            </div>
          ))}
        </Card>
      </Flex>

      <Modal
        open={dateStep !== undefined}
        title={dateStep ? t(`actions.${dateStep}`) : ''}
        okButtonProps={{ loading: step.isPending }}
        onCancel={() => setDateStep(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ day: dayjs(chinaToday()) }}
          onFinish={(values) => {
            if (!dateStep) return;
            run(
              dateStep,
              { [dateField[dateStep]]: values.day.format('YYYY-MM-DD'), ...(dateStep === 'send' ? { labId: values.labId } : {}) },
              () => setDateStep(undefined),
            );
          }}
        >
          {dateStep === 'send' && (
            <Form.Item name="labId" label={t('fields.lab')} rules={[{ required: true }]}>
              <Select options={labs.data?.map((lab) => ({ value: lab.id, label: lab.name }))} />
            </Form.Item>
          )}
          <Form.Item
            name="day"
            label={
              dateStep ? t(`fields.${dateStep === 'send' ? 'sentOn' : dateStep === 'notify' ? 'notifiedOn' : 'retestRequestedOn'}`) : ''
            }
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
          </Form.Item>
          {dateStep === 'retest' && <Alert type="info" title={t('hints.retestLab')} />}
        </Form>
      </Modal>
      <Drawer
        open={isRapidOpen}
        onClose={() => setRapidOpen(false)}
        title={t('actions.rapidResult')}
        size={isPhone ? '100%' : 520}
        destroyOnHidden
      >
        <ResultItemsEditor
          initial={blankResults(row.testItems)}
          isPending={step.isPending}
          onSubmit={(items) => run('rapid-result', { resultAt: new Date().toISOString(), items }, () => setRapidOpen(false))}
        />
      </Drawer>
    </>
  );
}
