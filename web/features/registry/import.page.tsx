import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError, spreadsheetKindOf } from '../../lib/api-client.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import {
  csvHeaders,
  type DryRunInput,
  errorReportUrl,
  type ImportAction,
  type ImportBatchView,
  type ImportColumns,
  type ImportField,
  type ImportRowView,
  importActions,
  importFields,
  useCommitImport,
  useDryRun,
  useImportMappings,
  useImportRows,
  useSaveMapping,
} from './api.ts';

const actionColors: Record<ImportAction, string> = { new: 'green', updated: 'blue', unchanged: 'default', rejected: 'red' };
const countOf: Record<ImportAction, keyof ImportBatchView> = {
  new: 'newCount',
  updated: 'updatedCount',
  unchanged: 'unchangedCount',
  rejected: 'rejectedCount',
};
const rowsPageSize = 20;

/** The mapping the server used (header → field), keeping only known fields. */
function columnsOf(batch: ImportBatchView): ImportColumns {
  return Object.fromEntries(
    Object.entries(batch.columns).filter((entry): entry is [string, ImportField] => (importFields as readonly string[]).includes(entry[1])),
  );
}

/** The file's headers as the server saw them; a csv's in the order of its columns. */
async function headersInFileOrder(file: File, batch: ImportBatchView): Promise<string[]> {
  const known = [...Object.keys(batch.columns), ...batch.unmappedHeaders];
  if (spreadsheetKindOf(file.name) !== 'csv') return known;
  const ordered = (await csvHeaders(file)).filter((header) => known.includes(header));
  return [...ordered, ...known.filter((header) => !ordered.includes(header))];
}

/** Import wizard: upload → review the column mapping and the dry run → commit → error report. */
export function RegistryImportPage() {
  const { t } = useTranslation(['registry', 'shell']);
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [file, setFile] = useState<File>();
  const [headers, setHeaders] = useState<string[]>([]);
  const [columns, setColumns] = useState<ImportColumns>({});
  const [isMappingDirty, setMappingDirty] = useState(false);
  const [batch, setBatch] = useState<ImportBatchView>();
  const [uploadError, setUploadError] = useState<unknown>();
  const [commitError, setCommitError] = useState<unknown>();
  const [mappingId, setMappingId] = useState<number>();
  const [mappingName, setMappingName] = useState('');
  const [action, setAction] = useState<ImportAction | 'all'>('all');
  const [page, setPage] = useState(1);
  const dryRun = useDryRun();
  const commit = useCommitImport();
  const mappings = useImportMappings();
  const saveMapping = useSaveMapping();
  const rows = useImportRows(batch?.id, action === 'all' ? undefined : action, page, rowsPageSize);

  const run = async (input: DryRunInput) => {
    setUploadError(undefined);
    setCommitError(undefined);
    setFile(input.file);
    try {
      const result = await dryRun.mutateAsync(input);
      setBatch(result);
      setColumns(columnsOf(result));
      setHeaders(await headersInFileOrder(input.file, result));
      setMappingDirty(false);
      setAction(result.rejectedCount > 0 ? 'rejected' : 'all');
      setPage(1);
    } catch (error) {
      setBatch(undefined);
      setUploadError(error);
      // The required columns could not be found: let the user map a csv's columns by hand.
      if (
        error instanceof ApiError &&
        error.code === 'registry.import_mapping_incomplete' &&
        spreadsheetKindOf(input.file.name) === 'csv'
      ) {
        setHeaders(await csvHeaders(input.file));
        setColumns(input.columns ?? {});
        setMappingDirty(true);
      } else setHeaders([]);
    }
  };

  const startOver = () => {
    setFile(undefined);
    setBatch(undefined);
    setHeaders([]);
    setColumns({});
    setUploadError(undefined);
    setCommitError(undefined);
    setMappingDirty(false);
  };

  const handleCommit = async () => {
    if (!batch) return;
    setCommitError(undefined);
    try {
      setBatch(await commit.mutateAsync(batch.id));
      void message.success(t('import.committed'));
    } catch (error) {
      setCommitError(error);
    }
  };

  const setField = (header: string, field: ImportField | undefined) => {
    const next: ImportColumns = {};
    for (const [other, value] of Object.entries(columns)) if (other !== header && value !== field) next[other] = value;
    if (field) next[header] = field;
    setColumns(next);
    setMappingDirty(true);
  };

  const handleSaveMapping = async () => {
    try {
      const saved = await saveMapping.mutateAsync({ name: mappingName.trim(), columns });
      setMappingId(saved.id);
      setMappingName('');
      void message.success(t('import.mappingSaved', { name: saved.name }));
    } catch (error) {
      void message.error(problemMessage(error));
    }
  };

  const isCommitted = batch?.status === 'committed';
  const step = isCommitted ? 2 : batch || headers.length > 0 ? 1 : 0;
  const isStale = commitError instanceof ApiError && commitError.code === 'registry.import_stale';

  const mappingSelect = (
    <Select
      value={mappingId}
      placeholder={t('import.chooseMapping')}
      aria-label={t('import.chooseMapping')}
      allowClear
      style={{ width: isPhone ? '100%' : 240 }}
      loading={mappings.isPending}
      options={(mappings.data?.items ?? []).map((mapping) => ({ value: mapping.id, label: mapping.name }))}
      onChange={(id?: number) => {
        setMappingId(id);
        if (file && id !== undefined) void run({ file, mappingId: id });
      }}
      data-testid="import-mapping-select"
    />
  );

  const upload = (
    <Card size="small">
      <Flex vertical gap={12}>
        <Space wrap>
          <Typography.Text>{t('import.savedMapping')}</Typography.Text>
          {mappingSelect}
        </Space>
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={dryRun.isPending}
          customRequest={({ file: chosen, onSuccess, onError }) => {
            const picked = chosen as File;
            void run({ file: picked, ...(mappingId !== undefined ? { mappingId } : {}) }).then(
              () => onSuccess?.({}),
              (error: unknown) => onError?.(error as Error),
            );
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{dryRun.isPending ? t('import.running') : t('import.uploadText')}</p>
          <p className="ant-upload-hint">{t('import.uploadHint')}</p>
          <p className="ant-upload-hint" data-testid="import-masked-hint">
            {t('import.maskedHint')}
          </p>
        </Upload.Dragger>
      </Flex>
    </Card>
  );

  const mappingColumns: TableProps<{ header: string }>['columns'] = [
    { title: t('import.header'), dataIndex: 'header', render: (header: string) => <Typography.Text strong>{header}</Typography.Text> },
    {
      title: t('import.field'),
      key: 'field',
      render: (_, { header }) => (
        <Select
          value={columns[header]}
          placeholder={t('import.notImported')}
          aria-label={t('import.notImported')}
          allowClear
          style={{ width: isPhone ? 160 : 220 }}
          options={importFields.map((field) => ({ value: field, label: t(`importFields.${field}`) }))}
          onChange={(field?: ImportField) => setField(header, field)}
          data-testid={`mapping-${header}`}
        />
      ),
    },
  ];

  const mapping = (
    <Card
      size="small"
      title={t('import.mappingTitle')}
      style={{ marginBottom: 16 }}
      extra={isPhone ? null : mappingSelect}
      data-testid="import-mapping"
    >
      {isPhone ? <div style={{ marginBottom: 12 }}>{mappingSelect}</div> : null}
      <Table<{ header: string }>
        rowKey="header"
        columns={mappingColumns}
        dataSource={headers.map((header) => ({ header }))}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type={isMappingDirty ? 'primary' : 'default'}
          icon={<ReloadOutlined />}
          loading={dryRun.isPending}
          disabled={!file || isCommitted}
          onClick={() => file && void run({ file, columns })}
          data-testid="import-rerun"
        >
          {t('import.rerun')}
        </Button>
        <Space.Compact>
          <Input
            value={mappingName}
            onChange={(event) => setMappingName(event.target.value)}
            placeholder={t('import.mappingName')}
            aria-label={t('import.mappingName')}
            maxLength={100}
            style={{ width: 200 }}
            data-testid="mapping-name"
          />
          <Button
            icon={<SaveOutlined />}
            disabled={!mappingName.trim() || Object.keys(columns).length === 0}
            loading={saveMapping.isPending}
            onClick={() => void handleSaveMapping()}
            data-testid="mapping-save"
          >
            {t('import.saveMapping')}
          </Button>
        </Space.Compact>
      </Flex>
    </Card>
  );

  const rowColumns: TableProps<ImportRowView>['columns'] = [
    { title: t('import.rowNumber'), dataIndex: 'rowNumber', width: 72 },
    {
      title: t('import.action'),
      dataIndex: 'action',
      render: (value: ImportAction) => <Tag color={actionColors[value]}>{t(`import.actions.${value}`)}</Tag>,
    },
    { title: t('fields.creditCode'), dataIndex: 'creditCode', render: (code: string | null) => code ?? '—' },
    { title: t('fields.name'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
    {
      title: t('import.details'),
      key: 'details',
      render: (_, row) =>
        row.reasons.length > 0 ? (
          <Flex vertical>
            {row.reasons.map((reason) => (
              <Typography.Text key={`${reason.field}-${reason.code}`} type="danger">
                {reason.message}
              </Typography.Text>
            ))}
          </Flex>
        ) : row.changed.length > 0 ? (
          t('import.changedFields', { fields: row.changed.map((field) => t(`importFields.${field}`, { defaultValue: field })).join('、') })
        ) : (
          '—'
        ),
    },
  ];

  const result = batch ? (
    <Card size="small" title={t('import.resultTitle', { filename: batch.filename, rows: batch.rowCount })} data-testid="import-result">
      <Row gutter={[12, 12]} style={{ marginBottom: 8 }}>
        {importActions.map((key) => (
          <Col xs={12} sm={6} key={key}>
            <Statistic
              title={t(`import.actions.${key}`)}
              value={batch[countOf[key]] as number}
              styles={{ content: key === 'rejected' && batch.rejectedCount > 0 ? { color: '#b91c1c' } : {} }}
              data-testid={`import-count-${key}`}
            />
          </Col>
        ))}
      </Row>
      {batch.unmappedHeaders.length > 0 ? (
        <Typography.Paragraph type="secondary">{t('import.unmapped', { headers: batch.unmappedHeaders.join('、') })}</Typography.Paragraph>
      ) : null}
      <Tabs
        activeKey={action}
        onChange={(key) => {
          setAction(key as ImportAction | 'all');
          setPage(1);
        }}
        items={[
          { key: 'all', label: `${t('import.all')} (${batch.rowCount})` },
          ...importActions.map((key) => ({ key, label: `${t(`import.actions.${key}`)} (${batch[countOf[key]] as number})` })),
        ]}
      />
      {rows.isError ? <Alert type="error" showIcon title={problemMessage(rows.error)} /> : null}
      <Table<ImportRowView>
        rowKey="rowNumber"
        columns={rowColumns}
        dataSource={rows.data?.items}
        loading={rows.isFetching}
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: rowsPageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: false,
          simple: isPhone,
          onChange: setPage,
        }}
        data-testid="import-rows"
      />
      {commitError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={isStale ? t('import.staleTitle') : problemMessage(commitError)}
          description={isStale ? problemMessage(commitError) : undefined}
          action={
            isStale && file ? (
              <Button size="small" onClick={() => void run({ file, columns })}>
                {t('import.rerun')}
              </Button>
            ) : undefined
          }
          data-testid="import-commit-error"
        />
      ) : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {isCommitted ? null : (
          <Popconfirm
            title={t('import.commitConfirm', { new: batch.newCount, updated: batch.updatedCount })}
            onConfirm={() => handleCommit()}
            okText={t('shell:actions.confirm')}
            cancelText={t('shell:actions.cancel')}
            disabled={batch.newCount + batch.updatedCount === 0 || isMappingDirty}
          >
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={commit.isPending}
              disabled={batch.newCount + batch.updatedCount === 0 || isMappingDirty}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Popconfirm>
        )}
        {batch.rejectedCount > 0 ? (
          <Button icon={<DownloadOutlined />} href={errorReportUrl(batch.id)} download data-testid="import-error-report">
            {t('import.errorReport')}
          </Button>
        ) : null}
        <Button onClick={startOver}>{t('import.startOver')}</Button>
      </Flex>
      {isMappingDirty && !isCommitted ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('import.mappingChanged')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  ) : null;

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.steps.upload') }, { title: t('import.steps.review') }, { title: t('import.steps.commit') }]}
      />
      {uploadError ? (
        <Alert
          type="error"
          showIcon
          title={problemMessage(uploadError)}
          description={headers.length > 0 ? t('import.mapByHand') : undefined}
          style={{ marginBottom: 16 }}
          data-testid="import-upload-error"
        />
      ) : null}
      {isCommitted && batch ? (
        <Result
          status="success"
          title={t('import.committedTitle')}
          subTitle={t('import.committedSummary', { new: batch.newCount, updated: batch.updatedCount, rejected: batch.rejectedCount })}
          extra={
            <Flex gap={8} wrap justify="center">
              <Link to="/registry">
                <Button type="primary">{t('import.toList')}</Button>
              </Link>
              <Button onClick={startOver}>{t('import.another')}</Button>
            </Flex>
          }
          data-testid="import-committed"
        />
      ) : null}
      {step === 0 ? upload : null}
      {step === 1 ? (
        <>
          {file ? (
            <Typography.Paragraph>
              {t('import.file')}: <Typography.Text strong>{file.name}</Typography.Text>
            </Typography.Paragraph>
          ) : null}
          {mapping}
        </>
      ) : null}
      {result}
    </>
  );
}
