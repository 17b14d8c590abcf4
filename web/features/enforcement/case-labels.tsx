import { useTranslation } from 'react-i18next';
import { DeadlineTag } from '../../components/deadline-tag.tsx';
import type { CaseListItem } from './api.ts';

export function CaseDueTag({ due, flag }: { due: string | null; flag: CaseListItem['flag'] }) {
  const { t } = useTranslation('enforcement');
  return <DeadlineTag due={due} flag={flag} label={flag ? t(`flags.${flag}`) : ''} testId={`case-flag-${flag}`} />;
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
