import { useTranslation } from 'react-i18next';
import { FileImport } from '../../components/file-import.tsx';
import { type ImportBatchView, useCommitImport, useImportFilings } from './api.ts';

/**
 * The registration system's extract of a report year: a dry run first (what would be filed, row by row, and each
 * rejected row with its column and reason), then the commit of exactly that plan.
 */
export function FilingImport({ reportYear }: { reportYear: number }) {
  const { t } = useTranslation('credit');
  return (
    <FileImport<ImportBatchView, ImportBatchView['plan'][number]>
      title={t('import.title', { year: reportYear })}
      hint={t('import.hint')}
      chooseLabel={t('import.choose')}
      testId="import"
      upload={useImportFilings(reportYear)}
      summary={(batch) => ({
        type: batch.status === 'committed' ? 'success' : batch.rejected ? 'warning' : 'info',
        title: t(batch.status === 'committed' ? 'import.committed' : 'import.dryRun', batch),
      })}
      dryRun={{
        plan: (batch) => batch.plan,
        planColumns: [
          { title: t('import.code'), dataIndex: 'creditCode' },
          { title: t('fields.filedOn'), dataIndex: 'filedOn' },
        ],
        planTab: (count) => t('import.planTab', { count }),
        errorsTab: (count) => t('import.errorsTab', { count }),
        isPending: (batch) => batch.status === 'dry_run',
        commit: useCommitImport(),
        commitLabel: (batch) => t('import.commit', { count: batch.plan.length }),
      }}
    />
  );
}
