import type { DynamicGrade, GradingRuleSet } from './grading-rule-sets.ts';

/**
 * 动态等级 — the dynamic grade of one inspection (国家食药监局《关于实施餐饮服务食品安全监督量化分级管理工作的指导意见》
 * 2012; ../shared/research/anchors-china-rules.md §1.1): score = total of the item scores ÷ the number of items
 * inspected, items that do not apply (合理缺项, score null) left out; ≥ 9.0 优秀, 7.5–8.9 良好, 6.0–7.4 一般;
 * below 6.0, or two or more key items (重点项目) failing, no grade. Item scores are on a 0–10 scale with at most
 * one decimal; the score is computed exactly in tenths and rounded half up to one decimal, and the grade is read
 * from that rounded score (so 8.95 → 9.0 → 优秀, making the published bands contiguous).
 */
export interface ScoredItem {
  /** 0–10, at most one decimal; null when the item does not apply (合理缺项). */
  score: number | null;
  isKey: boolean;
  isFailed: boolean;
}

export type DynamicGradeResult =
  | { isGraded: true; scoreTenths: number; grade: DynamicGrade; failedKeyItems: number; itemsInspected: number }
  | {
      isGraded: false;
      scoreTenths: number | null;
      grade: null;
      failedKeyItems: number;
      itemsInspected: number;
      reason: 'no-items' | 'score-below-fair' | 'key-items-failed';
    };

export function toTenths(score: number): number {
  const tenths = Math.round(score * 10);
  if (!(score >= 0 && score <= 10) || Math.abs(tenths - score * 10) > 1e-6)
    throw new RangeError(`item score must be 0–10 with one decimal: ${score}`);
  return tenths;
}

/** Mean of whole tenths, rounded half up to whole tenths. */
export function meanTenths(tenths: readonly number[]): number {
  const sum = tenths.reduce((total, value) => total + value, 0);
  return Math.floor((2 * sum + tenths.length) / (2 * tenths.length));
}

/** The grade band of a score in tenths; null below the fair cut-off. */
export function gradeBand(scoreTenths: number, rules: GradingRuleSet): DynamicGrade | null {
  if (scoreTenths >= rules.excellentFromTenths) return 'excellent';
  if (scoreTenths >= rules.goodFromTenths) return 'good';
  if (scoreTenths >= rules.fairFromTenths) return 'fair';
  return null;
}

export function dynamicGrade(items: readonly ScoredItem[], rules: GradingRuleSet): DynamicGradeResult {
  const inspected = items.filter((item) => item.score !== null);
  const failedKeyItems = inspected.filter((item) => item.isKey && item.isFailed).length;
  if (inspected.length === 0) {
    return { isGraded: false, scoreTenths: null, grade: null, failedKeyItems, itemsInspected: 0, reason: 'no-items' };
  }
  const scoreTenths = meanTenths(inspected.map((item) => toTenths(item.score as number)));
  const base = { scoreTenths, failedKeyItems, itemsInspected: inspected.length };
  if (failedKeyItems >= rules.ungradedFailedKeyItems) return { ...base, isGraded: false, grade: null, reason: 'key-items-failed' };
  const grade = gradeBand(scoreTenths, rules);
  if (grade === null) return { ...base, isGraded: false, grade: null, reason: 'score-below-fair' };
  return { ...base, isGraded: true, grade };
}
