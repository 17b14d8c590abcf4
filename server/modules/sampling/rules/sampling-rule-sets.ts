/**
 * The sampling-inspection deadlines in force on a date, as versioned data (rules change by law). Sources
 * (../shared/research/anchors-china-rules.md §4):
 * - 《食品安全抽样检验管理办法》 (SAMR Order 15, 2019, in force 2019-10-01): Art. 20 sample to the lab within 5
 *   working days; Art. 24 lab report within 20 working days of receipt; Art. 25 backup samples kept 3 months
 *   (qualified) or 6 months (unqualified) from the conclusion, or until the end of shelf life if shorter;
 *   Art. 45 核查处置 deadline — value NOT retrieved, 90 days is a recollection (isConfirmed: false).
 * - 《食品安全法》 Art. 88: re-test (复检) requested within 7 working days of receiving the result, at a
 *   different lab drawn at random; objection to a rapid test (快检) within 4 hours, re-test not by a rapid method.
 * - 《餐饮服务食品安全监督抽检工作规范》 (2010): at least two samplers.
 */
export interface SamplingRuleSet {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  citation: string;
  minSamplers: number;
  toLabWorkingDays: number;
  reportWorkingDays: number;
  backupMonthsQualified: number;
  backupMonthsUnqualified: number;
  retestRequestWorkingDays: number;
  rapidObjectionHours: number;
  handlingCalendarDays: number;
  /** false while a value (here: the 核查处置 deadline) is not confirmed from the official text. */
  isConfirmed: boolean;
  note: string;
}

export const samplingRuleSets: readonly SamplingRuleSet[] = [
  {
    id: 'samr-order-15-2019',
    effectiveFrom: '2019-10-01',
    effectiveTo: null,
    citation: '《食品安全抽样检验管理办法》（市场监管总局令第15号）第20、24、25、45条；《食品安全法》第88条',
    minSamplers: 2,
    toLabWorkingDays: 5,
    reportWorkingDays: 20,
    backupMonthsQualified: 3,
    backupMonthsUnqualified: 6,
    retestRequestWorkingDays: 7,
    rapidObjectionHours: 4,
    handlingCalendarDays: 90,
    isConfirmed: false,
    note: '核查处置期限（第45条）90日未从原文核实 / the 90-day handling deadline (Art. 45) is not verified against the text',
  },
];

/** The rule set in force on `day` (YYYY-MM-DD); the earliest set for days before any set began. */
export function samplingRulesOn(day: string, sets: readonly SamplingRuleSet[] = samplingRuleSets): SamplingRuleSet {
  const inForce = sets.find((set) => set.effectiveFrom <= day && (set.effectiveTo === null || day <= set.effectiveTo));
  if (inForce) return inForce;
  const earliest = [...sets].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
  if (!earliest) throw new Error('no sampling rule set');
  return earliest;
}
