import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from './api.ts';

const flagColors = { on_time: 'green', due_soon: 'orange', overdue: 'red' } as const;

export function CaseDueTag({ due, flag }: { due: string | null; flag: CaseListItem['flag'] }) {
  const { t } = useTranslation('enforcement');
  if (!due || !flag) return null;
  return (
    <Tag color={flagColors[flag]} data-testid={`case-flag-${flag}`}>
      {due} · {t(`flags.${flag}`)}
    </Tag>
  );
}

export const stageColors: Record<CaseListItem['stage'], string> = {
  lead: 'blue',
  filed: 'cyan',
  investigating: 'geekblue',
  notified: 'purple',
  decided: 'gold',
  executed: 'lime',
  closed: 'green',
  not_filed: 'default',
};
