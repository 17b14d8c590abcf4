/**
 * Publication of administrative penalties, SAMR Order 45 《市场监督管理行政处罚信息公示规定》 (2021;
 * ../shared/research/anchors-china-rules.md §3.3): every ordinary-procedure penalty is published on the national enterprise credit
 * information system, except a warning alone (Art. 2), within 20 working days of the decision (Art. 9);
 * it stays published 3 years, or 3 months for a 通报批评 or a low fine (Art. 13; the province sets "low",
 * so the threshold is a parameter, null while Zhejiang's figure is unknown).
 */

import { penaltyKinds } from '../../../../shared/vocabularies/enforcement.ts';
import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

export { penaltyKinds };

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
