import { riskGrades } from '../../../../shared/vocabularies/food-safety.ts';
import type { RiskGrade } from './grading-rule-sets.ts';

/**
 * What a serious-violation listing (严重违法失信名单) does to a food business's risk grade, as data by jurisdiction
 * and effective date (the grading rules' model: the most specific jurisdiction in force on the day wins).
 *
 * - National, from 2021-09-01: 《市场监督管理严重违法失信名单管理办法》(市场监管总局令第44号) Art. 14(2) puts a listed
 *   party under key supervision with more frequent inspections (列为重点监管对象，提高检查频次). The frequency follows
 *   the risk grade, so the listing raises the grade one step (A→B, B→C, C→D). One step is this platform's reading
 *   of "more frequent"; the order names no grade — isConfirmed: false.
 * - Anhui 2024 (jurisdiction 34): a business on the list goes straight to the top grade D
 *   (../shared/research/anchors-china-rules.md §1.2).
 *
 * The abnormal-operation list (经营异常名录) is not a factor: no rule found makes it one (the five-colour code and the
 * random-inspection credit class read it).
 */
export interface SeriousListRule {
  id: string;
  jurisdiction: string;
  effectiveFrom: string;
  raiseBy: number;
  atLeast: RiskGrade | null;
  citation: string;
  isConfirmed: boolean;
}

export const seriousListRules: readonly SeriousListRule[] = [
  {
    id: 'cn-2021-order-44',
    jurisdiction: '',
    effectiveFrom: '2021-09-01',
    raiseBy: 1,
    atLeast: null,
    citation: '《市场监督管理严重违法失信名单管理办法》（市场监管总局令第44号）第十四条第（二）项：列为重点监管对象，提高检查频次',
    isConfirmed: false,
  },
  {
    id: 'ah-2024',
    jurisdiction: '34',
    effectiveFrom: '2024-01-01',
    raiseBy: 0,
    atLeast: 'D',
    citation: '安徽省食品生产经营风险分级管理（2024）：列入严重违法失信名单的直接评为最高风险等级',
    isConfirmed: false,
  },
];

/** The rule governing `districtCode` on `day`, or null before any (a listing then changes no grade). */
export function seriousListRuleFor(
  districtCode: string,
  day: string,
  rules: readonly SeriousListRule[] = seriousListRules,
): SeriousListRule | null {
  return (
    rules
      .filter((rule) => districtCode.startsWith(rule.jurisdiction) && rule.effectiveFrom <= day)
      .sort((a, b) => b.jurisdiction.length - a.jurisdiction.length || (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null
  );
}

/** The risk grade of a business on the serious-violation list under `rule`; unchanged when not listed or no rule. */
export function riskGradeOfListed(grade: RiskGrade, isSeriouslyListed: boolean, rule: SeriousListRule | null): RiskGrade {
  if (!isSeriouslyListed || !rule) return grade;
  const raised = Math.min(riskGrades.length - 1, riskGrades.indexOf(grade) + rule.raiseBy);
  const floor = rule.atLeast ? riskGrades.indexOf(rule.atLeast) : 0;
  return riskGrades[Math.max(raised, floor)] as RiskGrade;
}
