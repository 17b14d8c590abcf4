/**
 * Publication of administrative penalties, SAMR Order 45 《市场监督管理行政处罚信息公示规定》 (2021;
 * research §3.3): every ordinary-procedure penalty is published on the national enterprise credit
 * information system, except a warning alone (Art. 2), within 20 working days of the decision (Art. 9);
 * it stays published 3 years, or 3 months for a 通报批评 or a low fine (Art. 13; the province sets "low",
 * so the threshold is a parameter, null while Zhejiang's figure is unknown).
 */
import { addCalendarDays, addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

export const penaltyKinds = [
  'warning',
  'fine',
  'confiscation_income',
  'confiscation_property',
  'suspension',
  'licence_revocation',
  'other',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];
/** Kinds that carry an amount of money (罚没款: fines and confiscations). */
export const monetaryPenaltyKinds: readonly PenaltyKind[] = ['fine', 'confiscation_income', 'confiscation_property'];

export const publicationRules = { citation: '国家市场监督管理总局令第45号 第2、9、13条', publishWorkingDays: 20 } as const;

export function requiresPublication(kinds: readonly PenaltyKind[]): boolean {
  return kinds.some((kind) => kind !== 'warning');
}

export function publicationDue(decidedOn: string, kinds: readonly PenaltyKind[], calendar: HolidayCalendar): string | null {
  return requiresPublication(kinds) ? addWorkingDays(decidedOn, publicationRules.publishWorkingDays, calendar) : null;
}

/** The last day the publication stays visible. */
export function publicationEnds(
  publishedOn: string,
  penalties: readonly { kind: PenaltyKind; amountFen: bigint }[],
  lowFineThresholdFen: bigint | null,
): string {
  const isOnlyLowFine =
    lowFineThresholdFen !== null &&
    penalties.every((penalty) => penalty.kind === 'warning' || (penalty.kind === 'fine' && penalty.amountFen <= lowFineThresholdFen));
  const [year, month, day] = publishedOn.split('-').map(Number) as [number, number, number];
  const end = isOnlyLowFine ? new Date(Date.UTC(year, month - 1 + 3, day)) : new Date(Date.UTC(year + 3, month - 1, day));
  return addCalendarDays(end.toISOString().slice(0, 10), -1);
}
