import { creditClasses } from '../../../../shared/vocabularies/random-inspections.ts';

export { creditClasses };
/**
 * Credit-risk class A–D of a market entity (企业信用风险分类): A 信用风险低, B 一般, C 较高, D 高, re-graded
 * monthly (国市监信发〔2022〕6号 《关于推进企业信用风险分类管理进一步提升监管效能的意见》; research note
 * ../shared/research/anchors-china-rules.md §2). The national document publishes no scoring formula, so this is the bureau's
 * documented local default, as data keyed by effective date: points for each risk signal in the entity's
 * history, classes by cut-off. Section staff may replace it by adding a rule set with a later date.
 *
 * Signals (the history window is given in each rule set; counts come from the modules that own them):
 * - administrative cases (执法办案) and major cases (大要案) in the last 24 months;
 * - valid complaints and reports (投诉举报) in the last 12 months;
 * - failed sampling inspections (抽检不合格) in the last 12 months;
 * - inspections with a problem found (检查发现问题) in the last 12 months, and clean inspections;
 * - listed as abnormal (经营异常名录); an expired licence still held as valid;
 * - a business younger than one year (no track record yet).
 */
export type CreditClass = (typeof creditClasses)[number];

/** What the rule reads about one entity. Counts a module cannot provide yet are 0 (see `signalSources`). */
export interface CreditRiskHistory {
  status: 'active' | 'moved_out' | 'cancelled' | 'revoked';
  foundedOn: string;
  casesLast24Months: number;
  majorCasesLast24Months: number;
  complaintsLast12Months: number;
  failedSamplesLast12Months: number;
  problemInspectionsLast12Months: number;
  cleanInspectionsLast12Months: number;
  isListedAbnormal: boolean;
  hasExpiredLicence: boolean;
}

export interface CreditRiskRuleSet {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  citation: string;
  isLocalDefault: boolean;
  points: {
    perCase: number;
    casesCap: number;
    perMajorCase: number;
    perComplaint: number;
    complaintsCap: number;
    perFailedSample: number;
    failedSamplesCap: number;
    perProblemInspection: number;
    problemInspectionsCap: number;
    abnormalListing: number;
    expiredLicence: number;
    newBusiness: number;
    /** Subtracted when the last 12 months hold clean inspections and no negative signal at all. */
    cleanRecordBonus: number;
  };
  /** Lowest score of classes B, C and D; below B is A. */
  cutoffs: { B: number; C: number; D: number };
  /** Share of each class to draw in a year when a plan weights by class (Daqing's published bands, upper ends). */
  drawPermille: Record<CreditClass, number>;
}

export const creditRiskRuleSets: readonly CreditRiskRuleSet[] = [
  {
    id: 'local-2019',
    effectiveFrom: '2019-01-01',
    effectiveTo: null,
    citation:
      '国市监信发〔2022〕6号 (classes A–D, monthly re-grading); scores: bureau local default (no national formula published); draw shares after 大庆市 A≤5% B 5–20% C 21–60% D 61–100%',
    isLocalDefault: true,
    points: {
      perCase: 15,
      casesCap: 45,
      perMajorCase: 25,
      perComplaint: 5,
      complaintsCap: 20,
      perFailedSample: 15,
      failedSamplesCap: 30,
      perProblemInspection: 10,
      problemInspectionsCap: 30,
      abnormalListing: 40,
      expiredLicence: 20,
      newBusiness: 10,
      cleanRecordBonus: 5,
    },
    cutoffs: { B: 10, C: 30, D: 60 },
    drawPermille: { A: 50, B: 200, C: 600, D: 1000 },
  },
];

/** The rule set in force on a day. */
export function creditRiskRuleSetOn(day: string, sets: readonly CreditRiskRuleSet[] = creditRiskRuleSets): CreditRiskRuleSet {
  const found = sets.find((set) => set.effectiveFrom <= day && (set.effectiveTo === null || day <= set.effectiveTo));
  if (!found) throw new Error(`no credit-risk rule set in force on ${day}`);
  return found;
}

export interface CreditGrade {
  creditClass: CreditClass;
  score: number;
  /** Which signals scored, e.g. `cases:2`, `abnormal`; shown to staff beside the class. */
  reasons: string[];
  ruleSet: string;
}

function yearsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth, toDay] = to.split('-').map(Number) as [number, number, number];
  return toYear - fromYear - (toMonth < fromMonth || (toMonth === fromMonth && toDay < fromDay) ? 1 : 0);
}

/** Grades one entity on `today` from its history. */
export function gradeCreditRisk(
  history: CreditRiskHistory,
  today: string,
  set: CreditRiskRuleSet = creditRiskRuleSetOn(today),
): CreditGrade {
  const p = set.points;
  const reasons: string[] = [];
  let score = 0;
  const add = (reason: string, points: number) => {
    if (points <= 0) return;
    score += points;
    reasons.push(reason);
  };
  add(`cases:${history.casesLast24Months}`, Math.min(history.casesLast24Months * p.perCase, p.casesCap));
  add(`major_cases:${history.majorCasesLast24Months}`, history.majorCasesLast24Months * p.perMajorCase);
  add(`complaints:${history.complaintsLast12Months}`, Math.min(history.complaintsLast12Months * p.perComplaint, p.complaintsCap));
  add(
    `failed_samples:${history.failedSamplesLast12Months}`,
    Math.min(history.failedSamplesLast12Months * p.perFailedSample, p.failedSamplesCap),
  );
  add(
    `problem_inspections:${history.problemInspectionsLast12Months}`,
    Math.min(history.problemInspectionsLast12Months * p.perProblemInspection, p.problemInspectionsCap),
  );
  if (history.isListedAbnormal) add('abnormal_listing', p.abnormalListing);
  if (history.hasExpiredLicence) add('expired_licence', p.expiredLicence);
  if (history.status === 'active' && yearsBetween(history.foundedOn, today) < 1) add('new_business', p.newBusiness);
  if (score === 0 && history.cleanInspectionsLast12Months > 0) {
    score -= p.cleanRecordBonus;
    reasons.push(`clean_inspections:${history.cleanInspectionsLast12Months}`);
  }
  const creditClass: CreditClass = score >= set.cutoffs.D ? 'D' : score >= set.cutoffs.C ? 'C' : score >= set.cutoffs.B ? 'B' : 'A';
  return { creditClass, score, reasons, ruleSet: set.id };
}

/** How many of a stratum to draw for a share in permille: rounded up, so a non-empty class is never skipped. */
export function drawSizeFor(population: number, permille: number): number {
  return Math.min(population, Math.ceil((population * permille) / 1000));
}
