import { Alert, Button, Card, Flex, Table, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/form-errors.ts';
import { type ImportBatchView, useCommitImport, useImportFilings } from './api.ts';

/**
 * The registration system's extract of a report year: a dry run first (what would be filed, row by row, and each
 * rejected row with its column and reason), then the commit of exactly that plan.
 */
export function FilingImport({ reportYear }: { reportYear: number }) {
  const { t, i18n } = useTranslation('credit');
  const upload = useImportFilings();
  const commit = useCommitImport();
  const [batch, setBatch] = useState<ImportBatchView | null>(null);
  return (
    <Card size="small" title={t('import.title', { year: reportYear })}>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          commit.reset();
          upload.mutate({ file, reportYear, language: i18n.language }, { onSuccess: setBatch });
          return false;
        }}
      >
        <Button loading={upload.isPending} data-testid="import-choose">
          {t('import.choose')}
        </Button>
      </Upload>
      {upload.error ? <Alert type="error" title={problemMessage(upload.error)} style={{ marginTop: 8 }} /> : null}
      {batch ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Alert
            type={batch.status === 'committed' ? 'success' : batch.rejected ? 'warning' : 'info'}
            title={t(batch.status === 'committed' ? 'import.committed' : 'import.dryRun', batch)}
            data-testid="import-summary"
          />
          <Tabs
            size="small"
            items={[
              {
                key: 'plan',
                label: t('import.planTab', { count: batch.plan.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="rowNumber"
                    pagination={{ pageSize: 10 }}
                    dataSource={batch.plan}
                    columns={[
                      { title: t('import.row'), dataIndex: 'rowNumber' },
                      { title: t('import.code'), dataIndex: 'creditCode' },
                      { title: t('fields.filedOn'), dataIndex: 'filedOn' },
                    ]}
                  />
                ),
              },
              {
                key: 'errors',
                label: t('import.errorsTab', { count: batch.errors.length }),
                children: (
                  <Table
                    size="small"
                    rowKey={(row) => `${row.rowNumber}-${row.field}`}
                    pagination={{ pageSize: 10 }}
                    dataSource={batch.errors}
                    columns={[
                      { title: t('import.row'), dataIndex: 'rowNumber' },
                      { title: t('import.column'), dataIndex: 'field' },
                      { title: t('import.reason'), dataIndex: 'message' },
                    ]}
                  />
                ),
              },
            ]}
          />
          {batch.status === 'dry_run' ? (
            <Button
              type="primary"
              disabled={batch.plan.length === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate(batch.id, { onSuccess: setBatch })}
              data-testid="import-commit"
            >
              {t('import.commit', { count: batch.plan.length })}
            </Button>
          ) : null}
          {commit.error ? <Alert type="error" title={problemMessage(commit.error)} /> : null}
        </Flex>
      ) : null}
    </Card>
  );
}
