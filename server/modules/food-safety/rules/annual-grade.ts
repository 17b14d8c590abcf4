import { addMonths } from '../../../../shared/calendar-day.ts';
import { gradeBand, meanTenths } from './dynamic-grade.ts';
import type { AnnualGrade, GradingRuleSet } from './grading-rule-sets.ts';

/**
 * 年度等级 — the annual grade A/B/C (量化分级指导意见 2012; ../shared/research/anchors-china-rules.md §1.1): the mean of the dynamic scores of the
 * inspections in the past 12 months (the window ends on `asOf`, inclusive, and starts the day after the same date
 * 12 months earlier), with the dynamic cut-offs: ≥ 9.0 A, 7.5–8.9 B, 6.0–7.4 C, below 6.0 no annual grade.
 * Inspections without a score (no items) do not count; inspections made during a blackout still count (the
 * blackout suppresses the displayed dynamic grade, not the score) — our reading, the 2012 excerpt is silent.
 */
export interface ScoredInspection {
  inspectedOn: string;
  scoreTenths: number | null;
}

export type AnnualGradeResult =
  | { grade: AnnualGrade; meanTenths: number; inspectionsCounted: number }
  | { grade: null; meanTenths: number | null; inspectionsCounted: number };

export function annualWindowStart(asOf: string, rules: GradingRuleSet): string {
  return addMonths(asOf, -rules.annualWindowMonths);
}

export function annualGrade(inspections: readonly ScoredInspection[], asOf: string, rules: GradingRuleSet): AnnualGradeResult {
  const windowStart = annualWindowStart(asOf, rules);
  const scores = inspections
    .filter((inspection) => inspection.inspectedOn > windowStart && inspection.inspectedOn <= asOf && inspection.scoreTenths !== null)
    .map((inspection) => inspection.scoreTenths as number);
  if (scores.length === 0) return { grade: null, meanTenths: null, inspectionsCounted: 0 };
  const mean = meanTenths(scores);
  const band = gradeBand(mean, rules);
  const grade: AnnualGrade | null = band === 'excellent' ? 'A' : band === 'good' ? 'B' : band === 'fair' ? 'C' : null;
  return grade === null
    ? { grade: null, meanTenths: mean, inspectionsCounted: scores.length }
    : { grade, meanTenths: mean, inspectionsCounted: scores.length };
}
