import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlineTag } from '../../components/deadline-tag.tsx';
import type { ComplaintListItem } from './api.ts';

/** The deadline of the current step, coloured by how it stands today, and marked while it is provisional. */
export function DueTag({ due, flag, isProvisional }: { due: string | null; flag: ComplaintListItem['flag']; isProvisional?: boolean }) {
  const { t } = useTranslation('complaints');
  if (!due || !flag) return null;
  return (
    <>
      <DeadlineTag due={due} flag={flag} label={flag === 'overdue' ? t('flags.overdue_one') : t(`flags.${flag}`)} testId={`flag-${flag}`} />
      {isProvisional ? (
        <Tooltip title={t('flags.provisionalHint')}>
          <Tag color="warning" data-testid="due-provisional">
            {t('flags.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
}

export const statusColors: Record<ComplaintListItem['status'], string> = {
  received: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  mediating: 'geekblue',
  verifying: 'purple',
  awaiting_reply: 'gold',
  closed: 'green',
};
