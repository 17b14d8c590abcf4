import { type InspectionResult, inspectionResult } from '../../../../shared/inspection-result.ts';
import type { Bilingual } from '../../../platform/i18n/language.ts';
import { annualGrade } from './annual-grade.ts';
import { riskGradeOfListed, type SeriousListRule } from './credit-raise.ts';
import { type DynamicGradeResult, dynamicGrade, type ScoredItem } from './dynamic-grade.ts';
import { gradingBlackout } from './grading-blackout.ts';
import type { AnnualGrade, DynamicGrade, GradingRuleSet, RiskGrade } from './grading-rule-sets.ts';
import { dynamicRiskPoints, nextInspectionDue, riskGrade, staticRiskPoints } from './risk-grade.ts';

/**
 * One checklist item's answer and how it counts (量化分级指导意见 2012: each item is scored, the dynamic score is
 * the item total ÷ items inspected; 合理缺项 'na' is left out; a failed key item 重点项目 counts against the grade).
 * The points of each result are set per item by the template (section staff), in tenths of a point.
 */
export interface ChecklistAnswer {
  result: 'pass' | 'partial' | 'fail' | 'na';
  isKey: boolean;
  passTenths: number;
  partialTenths: number;
  failTenths: number;
}

export function scoredItems(answers: readonly ChecklistAnswer[]): ScoredItem[] {
  return answers.map((answer) => ({
    score:
      answer.result === 'na'
        ? null
        : (answer.result === 'pass' ? answer.passTenths : answer.result === 'partial' ? answer.partialTenths : answer.failTenths) / 10,
    isKey: answer.isKey,
    isFailed: answer.result === 'fail',
  }));
}

export interface InspectionScore extends InspectionResult {
  /** The dynamic score and grade (量化分级), judged apart from the result. */
  grade: DynamicGradeResult;
}

/** One inspection from its answers: the Order 49 result (shared/inspection-result.ts) and, apart, the dynamic grade under `rules`. */
export function scoreInspection(answers: readonly ChecklistAnswer[], rules: GradingRuleSet): InspectionScore {
  return { ...inspectionResult(answers), grade: dynamicGrade(scoredItems(answers), rules) };
}

export interface GradedInspection {
  id: number;
  inspectedOn: string;
  scoreTenths: number | null;
  failedKeyItems: number;
  dynamicGrade: DynamicGrade | null;
  outcome: 'compliant' | 'basically-compliant' | 'non-compliant';
}

export interface EntityGrade {
  dynamicGrade: DynamicGrade | null;
  dynamicScoreTenths: number | null;
  blackoutReason: 'new-licence' | 'incident' | null;
  annualGrade: AnnualGrade | null;
  annualMeanTenths: number | null;
  riskGrade: RiskGrade;
  riskPoints: number;
  lastInspectedOn: string | null;
  lastOutcome: GradedInspection['outcome'] | null;
  nextDueOn: string;
}

/**
 * A business's grades on `today` from its inspections (any order): the displayed dynamic grade is the latest
 * inspection's, suppressed during a blackout (new licence 3 months, incident 6 months — 量化分级 2012); the
 * annual grade over the past 12 months; the risk grade from static (format) + dynamic (latest inspection)
 * points (风险分级管理办法 2016), raised while it is on the serious-violation list (rules/credit-raise.ts); the next
 * routine inspection from the risk grade (and Order 49's 2-year floor).
 */
export function gradeEntity(
  input: {
    inspections: readonly GradedInspection[];
    formats: readonly string[];
    licenceIssuedOn: string | null;
    incidentDates: readonly string[];
    /** When never inspected, the first inspection falls due on this day (licence date or registration). */
    since: string;
    /** On the serious-violation list on `today`, and the rule saying what that does to the risk grade. */
    seriousList?: { isListed: boolean; rule: SeriousListRule | null };
  },
  today: string,
  rules: GradingRuleSet,
): EntityGrade {
  const past = input.inspections.filter((inspection) => inspection.inspectedOn <= today);
  const latest = [...past].sort((a, b) => (a.inspectedOn === b.inspectedOn ? b.id - a.id : a.inspectedOn < b.inspectedOn ? 1 : -1))[0];
  const blackout = latest
    ? gradingBlackout(latest.inspectedOn, { licenceIssuedOn: input.licenceIssuedOn, incidentDates: input.incidentDates }, rules)
    : null;
  const annual = annualGrade(past, today, rules);
  const staticPoints = staticRiskPoints(input.formats);
  const dynamicPoints = dynamicRiskPoints(
    latest ? { scoreTenths: latest.scoreTenths, failedKeyItems: latest.failedKeyItems } : null,
    rules,
  );
  const risk = riskGradeOfListed(
    riskGrade(staticPoints, dynamicPoints, rules),
    input.seriousList?.isListed ?? false,
    input.seriousList?.rule ?? null,
  );
  return {
    dynamicGrade: blackout ? null : (latest?.dynamicGrade ?? null),
    dynamicScoreTenths: latest?.scoreTenths ?? null,
    blackoutReason: blackout?.reason ?? null,
    annualGrade: annual.grade,
    annualMeanTenths: annual.meanTenths,
    riskGrade: risk,
    riskPoints: staticPoints + dynamicPoints,
    lastInspectedOn: latest?.inspectedOn ?? null,
    lastOutcome: latest?.outcome ?? null,
    nextDueOn: nextInspectionDue({ lastInspectedOn: latest?.inspectedOn ?? null, since: input.since, grade: risk }, rules),
  };
}

const reasonWords = {
  'zh-CN': {
    dynamic: { excellent: '优秀', good: '良好', fair: '一般' } as Record<DynamicGrade, string>,
    unrated: '不评级',
    none: '无',
    dynamicGrade: '动态等级',
    annualGrade: '年度等级',
    riskGrade: '风险等级',
    nextDue: '下次检查',
    separator: '；',
  },
  en: {
    dynamic: { excellent: 'excellent', good: 'good', fair: 'fair' } as Record<DynamicGrade, string>,
    unrated: 'not rated',
    none: 'none',
    dynamicGrade: 'dynamic grade',
    annualGrade: 'annual grade',
    riskGrade: 'risk grade',
    nextDue: 'next inspection',
    separator: '; ',
  },
} as const;

/** Human reason for a grade change, stored in the history in both languages, in the bureau's words. */
export function gradeChangeReason(before: EntityGrade | null, after: EntityGrade, cause: Bilingual): Bilingual | null {
  if (
    before &&
    before.dynamicGrade === after.dynamicGrade &&
    before.annualGrade === after.annualGrade &&
    before.riskGrade === after.riskGrade &&
    before.nextDueOn === after.nextDueOn
  )
    return null;
  const inLanguage = (language: keyof typeof reasonWords) => {
    const words = reasonWords[language];
    const parts: string[] = [cause[language]];
    const dynamicText = (grade: DynamicGrade | null) => (grade ? words.dynamic[grade] : words.unrated);
    const label = (value: string | null) => value ?? words.none;
    if (!before || before.dynamicGrade !== after.dynamicGrade)
      parts.push(`${words.dynamicGrade} ${before ? dynamicText(before.dynamicGrade) : words.none}→${dynamicText(after.dynamicGrade)}`);
    if (!before || before.annualGrade !== after.annualGrade)
      parts.push(`${words.annualGrade} ${label(before?.annualGrade ?? null)}→${label(after.annualGrade)}`);
    if (!before || before.riskGrade !== after.riskGrade)
      parts.push(`${words.riskGrade} ${label(before?.riskGrade ?? null)}→${after.riskGrade}`);
    if (!before || before.nextDueOn !== after.nextDueOn) parts.push(`${words.nextDue} ${after.nextDueOn}`);
    return parts.join(words.separator).slice(0, 300);
  };
  return { 'zh-CN': inLanguage('zh-CN'), en: inLanguage('en') };
}
