import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { industrySections } from '../../../shared/industry.ts';
import { chinaToday } from '../../lib/date-format.ts';
import type { Street } from './api.ts';

/** GB/T 4754 section name of an industry code (H62 → 住宿和餐饮业), in the UI language. */
export function industryLabel(code: string, language: string): string {
  const section = industrySections.find((item) => item.letter === code.charAt(0));
  if (!section) return code;
  return `${code} ${language === 'en' ? section.en : section.zh}`;
}

export function streetLabel(streets: readonly Street[] | undefined, code: string, language: string): string {
  const street = streets?.find((item) => item.code === code);
  if (!street) return code;
  return language === 'en' ? street.nameEn || street.name : street.name;
}

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'none';

/** Licence expiry against today: expired, within 30 days, later, or no end date. */
export function expiryState(validUntil: string | null, today = chinaToday()): ExpiryState {
  if (!validUntil) return 'none';
  if (validUntil < today) return 'expired';
  return dayjs(validUntil).diff(dayjs(today), 'day') <= 30 ? 'soon' : 'ok';
}

export const statusColors = { active: 'success', moved_out: 'default', cancelled: 'default', revoked: 'error' } as const;

/** "+9.09%" / "-1.20%" / "—". */
export function formatGrowth(percent: number | null, t: TFunction): string {
  if (percent === null) return t('registry:statistics.noGrowth');
  const text = percent.toFixed(2);
  return `${percent > 0 ? '+' : ''}${text}%`;
}
