import { addMonths } from '../../../../shared/calendar-day.ts';

/**
 * 严重违法失信名单: the term on the list and when a repair may be applied for.
 *
 * 《市场监督管理严重违法失信名单管理办法》(市场监管总局令第44号, in force 1 September 2021): a party stays on the list
 * for 3 years and is removed when the term ends; after 1 year on the list, with the obligations fulfilled, it may
 * apply for early removal (信用修复). Before that decree, 《企业信息公示暂行条例》第十八条 and 《严重违法失信企业名单管理
 * 暂行办法》 kept an enterprise on the list for 5 years; the rule set by effective date keeps both.
 */
export interface SeriousTermRules {
  effectiveFrom: string;
  termYears: number;
  repairAfterYears: number;
  citation: string;
}

export const seriousTermRuleSets: readonly SeriousTermRules[] = [
  {
    effectiveFrom: '2016-04-01',
    termYears: 5,
    repairAfterYears: 5,
    citation: '《严重违法失信企业名单管理暂行办法》(原国家工商总局令第83号)',
  },
  {
    effectiveFrom: '2021-09-01',
    termYears: 3,
    repairAfterYears: 1,
    citation: '《市场监督管理严重违法失信名单管理办法》(市场监管总局令第44号)',
  },
];

/** The rules in force on `day` (a day before the first set takes the first: the list did not exist, nothing is refused). */
export function seriousTermRulesOn(day: string): SeriousTermRules {
  return [...seriousTermRuleSets].reverse().find((set) => set.effectiveFrom <= day) ?? (seriousTermRuleSets[0] as SeriousTermRules);
}

/** The same day `years` later; 29 February falls to 28 February only in a year that has no 29 February. */
const plusYears = (day: string, years: number): string => addMonths(day, years * 12);

/** The day the term ends (the entity leaves the list on it). */
export function seriousTermEnds(listedOn: string): string {
  return plusYears(listedOn, seriousTermRulesOn(listedOn).termYears);
}

/** The first day an early removal may be applied for. */
export function seriousRepairFrom(listedOn: string): string {
  return plusYears(listedOn, seriousTermRulesOn(listedOn).repairAfterYears);
}

/**
 * Has the term ended on `today`? The listing ends on its term-end day: 《市场监督管理严重违法失信名单管理办法》
 * (市场监管总局令第44号) removes a party when its 3 years are over and stops publishing it (the 5 years of
 * 原国家工商总局令第83号 第九条 before 1 September 2021). The daily job removes it that day.
 */
export function isTermEnded(listing: { status: string; termEndsOn: string }, today: string): boolean {
  return listing.status === 'listed' && listing.termEndsOn <= today;
}

/** Case stages at which a penalty decision exists (决定 made): the only ones a serious-violation listing may follow. */
export const decidedCaseStages = ['decided', 'executed', 'closed'] as const;

/**
 * May this case ground a serious-violation listing on `listedOn`? SAMR Order 44: the list follows an administrative
 * penalty for a serious violation — the decision must exist, name a party on the register, and come first.
 */
export function caseListingBlocker(
  enforcementCase: { stage: string; decidedOn: string | null; entityId: number | null; decisionNumber: string | null },
  listedOn: string,
): 'not_decided' | 'no_entity' | 'before_decision' | null {
  if (!(decidedCaseStages as readonly string[]).includes(enforcementCase.stage) || enforcementCase.decidedOn === null) return 'not_decided';
  if (enforcementCase.entityId === null) return 'no_entity';
  if (listedOn < enforcementCase.decidedOn) return 'before_decision';
  return null;
}
