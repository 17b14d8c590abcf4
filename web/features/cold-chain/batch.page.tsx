import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { bureauStaffRoles, caseWorkerAndOperatorRoles } from '../../../shared/roles.ts';
import { type CertificateKind, certificateKinds } from '../../../shared/vocabularies/cold-chain.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { readAsDataUrl } from '../../lib/read-as-data-url.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type BatchDetail,
  certificateUrl,
  type EventView,
  epcisUrl,
  useAddCertificate,
  useBatch,
  useMarkSellable,
  useTrace,
} from './api.ts';

/** The largest certificate file the server takes (it checks again, with the file's magic bytes). */
const maxCertificateBytes = 5 * 1024 * 1024;

/** The trace code's QR (the consumer page's address), drawn in the browser for the label. */
export function TraceQr({ code, size = 128 }: { code: string; size?: number }) {
  const { t } = useTranslation('cold-chain');
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toString(`${window.location.origin}/t/${code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((text) => {
        if (isCurrent) setSvg(text);
      })
      .catch(() => setSvg(null));
    return () => {
      isCurrent = false;
    };
  }, [code]);
  if (!svg) return null;
  return (
    <img
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt={t('batch.qrAlt', { code })}
      width={size}
      height={size}
      data-testid="trace-qr"
    />
  );
}

interface CertificateForm {
  kind: CertificateKind;
  number: string;
  issuedOn: Dayjs;
}

/** Uploads one of the three certificates (PDF, JPEG or PNG, at most 5 MB), then marks the batch sellable once all are in. */
function CertificateUpload({ detail }: { detail: BatchDetail }) {
  const { t } = useTranslation('cold-chain');
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [sellableError, setSellableError] = useState<string | null>(null);
  const add = useAddCertificate(detail.batch.id);
  const sellable = useMarkSellable(detail.batch.id);

  const handleFinish = async (values: CertificateForm) => {
    setProblems([]);
    if (!file) {
      setFileError(t('certificate.fileRequired'));
      return;
    }
    try {
      const next = await add.mutateAsync({
        kind: values.kind,
        number: values.number.trim(),
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
        dataUrl: await readAsDataUrl(file),
      });
      message.success(t('certificate.uploaded', { kind: t(`certificateKinds.${values.kind}`) }));
      // The form offers the next missing certificate; the file input starts empty again.
      form.setFieldsValue({ kind: next.missingCertificates[0] ?? values.kind, number: '' });
      setFile(null);
      setFileKey((key) => key + 1);
      setSellableError(null);
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      const onFile = unmatched.filter((text) => text.startsWith('dataUrl:'));
      if (onFile.length) setFileError(onFile.map((text) => text.slice('dataUrl:'.length).trim()).join('；'));
      setProblems(unmatched.filter((text) => !text.startsWith('dataUrl:')));
    }
  };

  const handleSellable = async () => {
    setSellableError(null);
    try {
      await sellable.mutateAsync();
      message.success(t('certificate.sellableDone'));
    } catch (error) {
      setSellableError(problemMessage(error));
    }
  };

  return (
    <Card size="small" title={t('certificate.title')}>
      {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 8 }} /> : null}
      <Form<CertificateForm>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ kind: detail.missingCertificates[0] ?? 'quarantine', issuedOn: dayjs(detail.batch.arrivedOn) }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="kind" label={t('certificate.kind')}>
          <Select
            aria-label={t('certificate.kind')}
            options={certificateKinds.map((value) => ({ value, label: t(`certificateKinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('certificate.number')} rules={[{ required: true, message: t('certificate.numberRequired') }]}>
          <Input autoComplete="off" maxLength={60} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('certificate.issuedOn')} rules={[{ required: true, message: t('certificate.issuedRequired') }]}>
          <DatePicker aria-label={t('certificate.issuedOn')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('certificate.file')}
          extra={t('certificate.fileHint')}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? undefined}
          required
        >
          <input
            key={fileKey}
            type="file"
            aria-label={t('certificate.file')}
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            onChange={(event) => {
              const picked = event.target.files?.[0] ?? null;
              setFileError(picked && picked.size > maxCertificateBytes ? t('certificate.fileTooLarge') : null);
              setFile(picked && picked.size <= maxCertificateBytes ? picked : null);
            }}
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('certificate.upload')}
          </Button>
          {detail.batch.isSellable ? null : (
            <Button onClick={handleSellable} loading={sellable.isPending}>
              {t('certificate.markSellable')}
            </Button>
          )}
        </Flex>
      </Form>
      {sellableError ? <Alert type="error" title={sellableError} style={{ marginTop: 8 }} data-testid="sellable-refused" /> : null}
    </Card>
  );
}

function EventTable({ events }: { events: EventView[] }) {
  const { t } = useTranslation('cold-chain');
  return (
    <Table<EventView>
      rowKey={(row) => `${row.districtCode}:${row.id}`}
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={events}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('fields.eventTime'), dataIndex: 'eventTime', render: (at: string) => formatDateTime(at) },
        { title: t('fields.step'), dataIndex: 'step', render: (step: EventView['step']) => <Tag>{t(`steps.${step}`)}</Tag> },
        { title: t('fields.traceCode'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
        { title: t('fields.quantity'), key: 'quantity', render: (_, row) => `${Number(row.quantity)} ${t(`units.${row.unit}`)}` },
        { title: t('fields.holder'), dataIndex: 'holderName' },
        { title: t('fields.counterpart'), dataIndex: 'counterpartName', render: (name: string | null) => name ?? '' },
        { title: t('fields.source'), dataIndex: 'source', render: (source: string) => t(`sources.${source}`) },
      ]}
    />
  );
}

function TraceCard({ code }: { code: string }) {
  const { t } = useTranslation('cold-chain');
  const [direction, setDirection] = useState<'back' | 'forward'>('forward');
  const trace = useTrace(code, direction);
  return (
    <Card
      size="small"
      title={t('batch.trace')}
      extra={
        <Segmented
          value={direction}
          onChange={(value) => setDirection(value as 'back' | 'forward')}
          options={[
            { value: 'back', label: t('batch.traceBack') },
            { value: 'forward', label: t('batch.traceForward') },
          ]}
        />
      }
    >
      {trace.data?.isTruncated ? <Alert type="warning" title={t('batch.truncated')} /> : null}
      <Typography.Paragraph>
        {t('batch.holders')}：{(trace.data?.holders ?? []).map((holder) => holder.name).join(' → ')}
      </Typography.Paragraph>
      <EventTable events={trace.data?.events ?? []} />
    </Card>
  );
}

/** One batch: facts, the three certificates, its lots, every event of its codes, each holder's loop, and (staff) the trace. */
export function BatchPage() {
  const { t } = useTranslation('cold-chain');
  const id = Number(useParams().id);
  const me = useMe();
  const detail = useBatch(id);
  const data = detail.data;
  if (!data) return null;
  const { batch } = data;
  const isStaff = hasAnyRole(me.data, bureauStaffRoles);
  const canWrite = hasAnyRole(me.data, caseWorkerAndOperatorRoles);
  return (
    <>
      <PageHeader
        title={`${batch.product} · ${batch.lot}`}
        extra={
          <Flex gap={8} wrap>
            {isStaff ? (
              <Link to={`/cold-chain/trace?code=${batch.traceCode}`}>
                <Button>{t('trace.title')}</Button>
              </Link>
            ) : null}
            <Button href={epcisUrl(batch.id)} download>
              {t('batch.exportEpcis')}
            </Button>
          </Flex>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={16} wrap align="flex-start">
            <TraceQr code={batch.traceCode} />
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ flex: 1, minWidth: 260 }}>
              <Descriptions.Item label={t('fields.traceCode')}>
                <a href={`/t/${batch.traceCode}`} target="_blank" rel="noreferrer">
                  <code>{batch.traceCode}</code>
                </a>
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.declaration')}>{batch.customsDeclarationNo}</Descriptions.Item>
              <Descriptions.Item label={t('fields.origin')}>{batch.originCountry}</Descriptions.Item>
              <Descriptions.Item label={t('fields.quantity')}>{`${Number(batch.quantity)} ${t(`units.${batch.unit}`)}`}</Descriptions.Item>
              <Descriptions.Item label={t('fields.firstHolder')}>{batch.firstHolderName}</Descriptions.Item>
              <Descriptions.Item label={t('fields.arrivedOn')}>{formatDate(batch.arrivedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.sellable')}>
                {batch.isSellable ? (
                  <Tag color="green">{t('batches.sellableYes')}</Tag>
                ) : (
                  <Tag color="orange">{t('batches.sellableNo')}</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Flex>
        </Card>
        <Card size="small" title={t('batch.certificates')}>
          {data.missingCertificates.length ? (
            <Alert
              type="warning"
              title={t('batch.missing', { kinds: data.missingCertificates.map((kind) => t(`certificateKinds.${kind}`)).join('、') })}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <List
            size="small"
            dataSource={data.certificates}
            renderItem={(certificate) => (
              <List.Item>
                <a href={certificateUrl(certificate.id)} target="_blank" rel="noreferrer">
                  {t(`certificateKinds.${certificate.kind}`)} {certificate.number}
                </a>
                <span>{formatDate(certificate.issuedOn)}</span>
              </List.Item>
            )}
          />
        </Card>
        {canWrite ? <CertificateUpload detail={data} /> : null}
        <Card size="small" title={t('batch.lots')}>
          <List
            size="small"
            dataSource={data.lots}
            renderItem={(lot) => (
              <List.Item style={{ paddingLeft: 12 + lot.depth * 20 }}>
                <code>{lot.code}</code>
                <span>{`${Number(lot.quantity)} ${t(`units.${lot.unit}`)}`}</span>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('batch.balances')}>
          <Table
            rowKey={(row) => `${row.code}:${row.holderEntityId}`}
            size="small"
            pagination={false}
            dataSource={data.balances}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('fields.traceCode'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
              { title: t('fields.holder'), dataIndex: 'holderName' },
              { title: t('balance.received'), dataIndex: 'received' },
              { title: t('balance.out'), dataIndex: 'out' },
              { title: t('balance.disposed'), dataIndex: 'disposed' },
              { title: t('balance.stock'), dataIndex: 'stock' },
            ]}
          />
        </Card>
        <Card size="small" title={t('batch.events')}>
          <EventTable events={data.events} />
        </Card>
        {isStaff ? <TraceCard code={batch.traceCode} /> : null}
      </Flex>
    </>
  );
}
