import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const gradeColours: Record<string, string> = { excellent: 'green', good: 'blue', fair: 'gold' };
const outcomeColours: Record<string, string> = { compliant: 'green', 'basically-compliant': 'gold', 'non-compliant': 'red' };
const certificateColours: Record<string, string> = { valid: 'green', expiring: 'gold', expired: 'red', missing: 'red' };

/** 优秀 / 良好 / 一般 (the face shown at the door); null: no grade. */
export function DynamicGradeTag({ grade, testId }: { grade: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('food-safety');
  return (
    <Tag color={grade ? gradeColours[grade] : 'default'} data-testid={testId}>
      {grade ? t(`grades.${grade}`) : t('grades.none')}
    </Tag>
  );
}

export function OutcomeTag({ outcome, testId }: { outcome: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('food-safety');
  if (!outcome) return null;
  return (
    <Tag color={outcomeColours[outcome]} data-testid={testId}>
      {t(`outcomes.${outcome}`)}
    </Tag>
  );
}

export function CertificateStateTag({ state }: { state: string }) {
  const { t } = useTranslation('food-safety');
  return <Tag color={certificateColours[state]}>{t(`certificateStates.${state}`)}</Tag>;
}

export function WarningLevelTag({ level }: { level: string }) {
  const { t } = useTranslation('food-safety');
  return <Tag color={level === 'expiring-30' ? 'gold' : level === 'expiring-7' ? 'orange' : 'red'}>{t(`warningLevels.${level}`)}</Tag>;
}

/** Basis points → "98.50%"; null → "—". */
export function formatRate(basisPoints: number | null): string {
  return basisPoints === null ? '—' : `${(basisPoints / 100).toFixed(2)}%`;
}

/** Tenths → "8.5"; null → "—". */
export function formatTenths(tenths: number | null | undefined): string {
  return tenths === null || tenths === undefined ? '—' : (tenths / 10).toFixed(1);
}
