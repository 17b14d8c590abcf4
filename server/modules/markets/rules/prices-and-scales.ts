import { addDays, addMonths, daysBetween } from '../../../../shared/calendar-day.ts';
import { marketKeeperRoles, type Role } from '../../../../shared/roles.ts';
import type { cleaningLevels, cleaningParties } from '../../../../shared/vocabularies/markets.ts';

/** The median of whole-fen prices (the mean of the two middle ones, rounded half up, for an even count); null for none. */
export function medianFen(prices: readonly number[]): number | null {
  if (prices.length === 0) return null;
  const sorted = [...prices].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[middle] as number;
  return Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

export type PriceFlag = 'above_median' | 'below_median' | 'week_rise' | 'week_fall';

/**
 * 价格异常: a market's price of a key product more than `percent` above or below the district median of the same
 * day, or more than `percent` above or below the same market's price a week before.
 */
export function priceFlags(priceFen: number, districtMedianFen: number | null, weekBeforeFen: number | null, percent: number): PriceFlag[] {
  const flags: PriceFlag[] = [];
  // Integer arithmetic: price * 100 against reference * (100 ± percent), so 20% is exactly 20%.
  if (districtMedianFen !== null && districtMedianFen > 0) {
    if (priceFen * 100 > districtMedianFen * (100 + percent)) flags.push('above_median');
    if (priceFen * 100 < districtMedianFen * (100 - percent)) flags.push('below_median');
  }
  if (weekBeforeFen !== null && weekBeforeFen > 0) {
    if (priceFen * 100 > weekBeforeFen * (100 + percent)) flags.push('week_rise');
    if (priceFen * 100 < weekBeforeFen * (100 - percent)) flags.push('week_fall');
  }
  return flags;
}

/** 计量器具强制检定: a scale's verification holds `months` from the day it was verified (the last day, inclusive). */
export function verificationValidUntil(verifiedOn: string, months: number): string {
  return addDays(addMonths(verifiedOn, months), -1);
}

/** A scale is overdue the day after its verification ran out. */
export function scaleOverdue(validUntil: string, today: string): boolean {
  return validUntil < today;
}

export type CleaningLevel = (typeof cleaningLevels)[number];
export type CleaningParty = (typeof cleaningParties)[number];

/** 日清洁、周清扫、月整治: stall holders clean daily, the manager sweeps weekly, the organiser puts things right monthly. */
export const cleaningPartyOf: Readonly<Record<CleaningLevel, CleaningParty>> = {
  daily: 'stall_holder',
  weekly: 'manager',
  monthly: 'organiser',
};

/**
 * Who may record a round of a level: the organiser's own account (举办者) records only the monthly round (月整治); the
 * manager and bureau staff record any (the manager enters the stall holders' daily rounds for them).
 */
export function mayRecordCleaning(roles: readonly Role[], level: CleaningLevel): boolean {
  if (roles.some((role) => role !== 'market_organiser' && marketKeeperRoles.includes(role))) return true;
  return roles.includes('market_organiser') && level === 'monthly';
}

/** The last day a round may be done after the one before: the next day, seven days on, the same day next month. */
export function nextCleaningDue(level: CleaningLevel, lastDoneOn: string): string {
  if (level === 'daily') return addDays(lastDoneOn, 1);
  if (level === 'weekly') return addDays(lastDoneOn, 7);
  return addMonths(lastDoneOn, 1);
}

/** Overdue when never done, or when today is past the next due day. */
export function cleaningOverdue(level: CleaningLevel, lastDoneOn: string | null, today: string): boolean {
  if (lastDoneOn === null) return true;
  return daysBetween(nextCleaningDue(level, lastDoneOn), today) > 0;
}
