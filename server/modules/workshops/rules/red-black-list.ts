/**
 * 小作坊红黑榜 — red / black list membership of a small food workshop (Zhejiang 《食品小作坊小餐饮及食品摊贩
 * 管理规定》: at most 7 staff and 100 m²). NO official list criteria were found, so the evaluation form and the
 * thresholds are the bureau's configurable setting; the default items are taken from the work summary's words
 * (环境整洁、消毒到位、人员健康、食品安全). Pure: evaluation + facts + criteria → list and reasons.
 */
import { addMonths } from '../../../../shared/calendar-day.ts';

export interface EvaluationItem {
  key: string;
  zh: string;
  en: string;
  /** A failed critical item puts the workshop on the black list on its own. */
  critical: boolean;
}

export interface ListCriteria {
  items: EvaluationItem[];
  /** Red list: at least this share of items passed (percent) and no critical item failed. */
  redMinPercent: number;
  /** Black list: fewer than this share passed (percent). */
  blackBelowPercent: number;
  /** Months an evaluation stays valid for the list. */
  evaluationValidMonths: number;
}

export const defaultListCriteria: ListCriteria = {
  items: [
    { key: 'licence', zh: '登记证在有效期内并公示', en: 'Registration valid and displayed', critical: true },
    { key: 'environment', zh: '环境整洁', en: 'Environment clean', critical: false },
    { key: 'disinfection', zh: '消毒到位', en: 'Disinfection in place', critical: false },
    { key: 'staff_health', zh: '人员健康（持有效健康证）', en: 'Staff healthy (valid health certificates)', critical: false },
    {
      key: 'food_safe',
      zh: '食品安全（原料来源可追溯、无超范围超限量使用添加剂）',
      en: 'Food safe (traceable ingredients, additives within limits)',
      critical: true,
    },
    { key: 'layout', zh: '生产布局合理、生熟分开', en: 'Sensible layout, raw and cooked kept apart', critical: false },
    { key: 'records', zh: '进货查验和生产记录完整', en: 'Purchase checks and production records complete', critical: false },
  ],
  redMinPercent: 100,
  blackBelowPercent: 60,
  evaluationValidMonths: 12,
};

export type ListMembership = 'red' | 'black' | 'neither';

export interface WorkshopFacts {
  /** Latest evaluation: item key → passed. null = never evaluated. */
  latest: { on: string; answers: Record<string, boolean> } | null;
  failedSamples12m: number;
  penaltyCases12m: number;
}

export interface MembershipDecision {
  list: ListMembership;
  passedPercent: number | null;
  reasons: { 'zh-CN': string; en: string }[];
}

export function listMembership(facts: WorkshopFacts, criteria: ListCriteria, today: string): MembershipDecision {
  if (facts.latest === null) return { list: 'neither', passedPercent: null, reasons: [{ 'zh-CN': '尚未评价', en: 'Not yet evaluated' }] };
  if (addMonths(facts.latest.on, criteria.evaluationValidMonths) < today)
    return { list: 'neither', passedPercent: null, reasons: [{ 'zh-CN': '评价已过期', en: 'Evaluation out of date' }] };
  const answers = facts.latest.answers;
  const passed = criteria.items.filter((item) => answers[item.key] === true).length;
  const passedPercent = criteria.items.length === 0 ? 100 : Math.floor((passed * 100) / criteria.items.length);
  const failedCritical = criteria.items.filter((item) => item.critical && answers[item.key] !== true);
  const black: { 'zh-CN': string; en: string }[] = [];
  for (const item of failedCritical) black.push({ 'zh-CN': `关键项不符合：${item.zh}`, en: `Critical item failed: ${item.en}` });
  if (passedPercent < criteria.blackBelowPercent)
    black.push({
      'zh-CN': `符合项 ${passedPercent}%，低于 ${criteria.blackBelowPercent}%`,
      en: `${passedPercent}% of items passed, below ${criteria.blackBelowPercent}%`,
    });
  if (facts.penaltyCases12m > 0)
    black.push({ 'zh-CN': `近12个月受行政处罚 ${facts.penaltyCases12m} 次`, en: `${facts.penaltyCases12m} penalty case(s) in 12 months` });
  if (black.length) return { list: 'black', passedPercent, reasons: black };
  const notRed: { 'zh-CN': string; en: string }[] = [];
  if (passedPercent < criteria.redMinPercent)
    notRed.push({
      'zh-CN': `符合项 ${passedPercent}%，未达到红榜 ${criteria.redMinPercent}%`,
      en: `${passedPercent}% passed, red list needs ${criteria.redMinPercent}%`,
    });
  if (facts.failedSamples12m > 0)
    notRed.push({
      'zh-CN': `近12个月抽检不合格 ${facts.failedSamples12m} 批次`,
      en: `${facts.failedSamples12m} failed sample(s) in 12 months`,
    });
  if (notRed.length) return { list: 'neither', passedPercent, reasons: notRed };
  return {
    list: 'red',
    passedPercent,
    reasons: [
      { 'zh-CN': `全部 ${criteria.items.length} 项符合，无不良记录`, en: `All ${criteria.items.length} items passed, no adverse record` },
    ],
  };
}
