import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Tabs, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/form-errors.ts';

/** A row of an imported file the server refused or warns about: its number as Excel shows it, the column, why. */
export interface RowProblem {
  rowNumber: number;
  field: string;
  message: string;
}

export interface ImportSummary {
  type: 'success' | 'info' | 'warning';
  title: string;
}

/** A dry run's plan shown beside its rejected rows, and the commit of exactly that plan. */
export interface DryRunOptions<Result, PlanRow extends { rowNumber: number }> {
  plan: (result: Result) => PlanRow[];
  /** The plan's columns after the row number. */
  planColumns: TableColumnsType<PlanRow>;
  planTab: (count: number) => string;
  errorsTab: (count: number) => string;
  /** Whether the result still waits for its commit. */
  isPending: (result: Result) => boolean;
  commit: UseMutationResult<Result, Error, Result>;
  commitLabel: (result: Result) => string;
}

interface FileImportProps<Result extends { errors: RowProblem[] }, PlanRow extends { rowNumber: number }> {
  title: string;
  hint: string;
  chooseLabel: string;
  /** Prefix of the test ids: `<testId>-choose`, `-summary`, `-errors`, `-commit`. */
  testId: string;
  upload: UseMutationResult<Result, Error, File>;
  summary: (result: Result) => ImportSummary;
  /** A problem's column as the page names it (default: the field as the server named it). */
  columnLabel?: (field: string) => string;
  /** What else the result shows under its summary, and under the rejected rows. */
  details?: (result: Result) => ReactNode;
  footer?: (result: Result) => ReactNode;
  dryRun?: DryRunOptions<Result, PlanRow>;
}

/**
 * The import card: choose a .csv or .xlsx file, which is uploaded at once; then the summary of what the server did
 * (or, for a dry run, would do) and the table of rejected rows with their column and reason; a dry run is committed here.
 */
export function FileImport<Result extends { errors: RowProblem[] }, PlanRow extends { rowNumber: number } = { rowNumber: number }>({
  title,
  hint,
  chooseLabel,
  testId,
  upload,
  summary,
  columnLabel,
  details,
  footer,
  dryRun,
}: FileImportProps<Result, PlanRow>) {
  const [result, setResult] = useState<Result | null>(null);
  const errors = (result: Result) => <RowProblemsTable rows={result.errors} columnLabel={columnLabel} data-testid={`${testId}-errors`} />;
  return (
    <Card size="small" title={title}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          dryRun?.commit.reset();
          upload.mutate(file, { onSuccess: setResult });
          return false;
        }}
      >
        <Button loading={upload.isPending} data-testid={`${testId}-choose`}>
          {chooseLabel}
        </Button>
      </Upload>
      {upload.error ? <Alert type="error" title={problemMessage(upload.error)} style={{ marginTop: 8 }} /> : null}
      {result ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Alert {...summary(result)} data-testid={`${testId}-summary`} />
          {details?.(result)}
          {dryRun ? (
            <DryRunResult result={result} dryRun={dryRun} errors={errors(result)} onCommitted={setResult} testId={testId} />
          ) : result.errors.length ? (
            errors(result)
          ) : null}
          {footer?.(result)}
        </Flex>
      ) : null}
    </Card>
  );
}

function DryRunResult<Result, PlanRow extends { rowNumber: number }>({
  result,
  dryRun,
  errors,
  onCommitted,
  testId,
}: {
  result: Result & { errors: RowProblem[] };
  dryRun: DryRunOptions<Result, PlanRow>;
  errors: ReactNode;
  onCommitted: (result: Result) => void;
  testId: string;
}) {
  const { t } = useTranslation('shell');
  const plan = dryRun.plan(result);
  return (
    <>
      <Tabs
        size="small"
        items={[
          {
            key: 'plan',
            label: dryRun.planTab(plan.length),
            children: (
              <Table<PlanRow>
                size="small"
                rowKey="rowNumber"
                pagination={{ pageSize: 10 }}
                dataSource={plan}
                columns={[{ title: t('fileImport.row'), dataIndex: 'rowNumber' }, ...dryRun.planColumns]}
              />
            ),
          },
          { key: 'errors', label: dryRun.errorsTab(result.errors.length), children: errors },
        ]}
      />
      {dryRun.isPending(result) ? (
        <Button
          type="primary"
          disabled={plan.length === 0}
          loading={dryRun.commit.isPending}
          onClick={() => dryRun.commit.mutate(result, { onSuccess: onCommitted })}
          data-testid={`${testId}-commit`}
        >
          {dryRun.commitLabel(result)}
        </Button>
      ) : null}
      {dryRun.commit.error ? <Alert type="error" title={problemMessage(dryRun.commit.error)} /> : null}
    </>
  );
}

/** Rows of an imported file with their column and reason (`withoutColumn`: the reason only). */
export function RowProblemsTable({
  rows,
  columnLabel = (field) => field,
  withoutColumn = false,
  title,
  'data-testid': dataTestId,
}: {
  rows: RowProblem[];
  columnLabel?: (field: string) => string;
  withoutColumn?: boolean;
  title?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation('shell');
  return (
    <Table<RowProblem>
      size="small"
      rowKey={(row) => `${row.rowNumber}-${row.field}`}
      pagination={{ pageSize: 10 }}
      dataSource={rows}
      data-testid={dataTestId}
      title={title ? () => title : undefined}
      columns={[
        { title: t('fileImport.row'), dataIndex: 'rowNumber' },
        ...(withoutColumn ? [] : [{ title: t('fileImport.column'), dataIndex: 'field', render: (value: string) => columnLabel(value) }]),
        { title: t('fileImport.reason'), dataIndex: 'message' },
      ]}
    />
  );
}
