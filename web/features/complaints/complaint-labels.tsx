import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintListItem } from './api.ts';

const flagColors = { on_time: 'green', due_soon: 'orange', overdue: 'red' } as const;

/** The deadline of the current step, coloured by how it stands today. */
export function DueTag({ due, flag, isProvisional }: { due: string | null; flag: ComplaintListItem['flag']; isProvisional?: boolean }) {
  const { t } = useTranslation('complaints');
  if (!due || !flag) return null;
  return (
    <>
      <Tag color={flagColors[flag]} data-testid={`flag-${flag}`}>
        {due} · {flag === 'overdue' ? t('flags.overdue_one') : t(`flags.${flag}`)}
      </Tag>
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
