/**
 * The rules a complaint (投诉), report (举报) or petition (信访) is handled under, as data keyed by effective
 * date: an item is handled under the rule set in force on the day it was received (rules change by law, so they are versioned data, never code branches).
 *
 * - SAMR Order 20 《市场监督管理投诉举报处理暂行办法》 (in force 2020-01-01, amended 2022-03-24; text:
 *   LawRefBook/Laws 部门规章/市场监督管理总局/市场监督管理投诉举报处理暂行办法(2022-03-24).md), summarised in
 *   ../shared/research/anchors-china-rules.md §3.1: accept or reject within 7 working days (Art. 14); complaints
 *   more than 3 years after the complainant knew are rejected (Art. 15(4)); mediation ends without agreement
 *   45 working days after acceptance (Art. 21); the parties are told within 7 working days (Art. 21); a
 *   violation found during mediation is verified within 15 working days, +15 (Art. 23); a real-name reporter
 *   is told of the case decision within 5 working days (Art. 31); required fields (Art. 9).
 * - A report is a clue handled under the penalty procedure: 《市场监督管理行政处罚程序规定》 Art. 18 — verify and
 *   decide whether to open a case within 15 working days of receipt, +15 with approval (../shared/research/anchors-china-rules.md §3.2).
 * - SAMR Order 121 《市场监督管理投诉举报处理办法》 replaced Order 20 on 2026-04-15. Its deadlines were NOT retrieved:
 *   the set below copies Order 20's values and is flagged unconfirmed until someone reads the text.
 * - Before 2020: 《工商行政管理部门处理消费者投诉办法》 (SAIC Order 62, 2014). Not researched either; kept only so
 *   that 2019 items have a rule set, with Order 20's values, flagged unconfirmed.
 */

export type ComplaintRuleSetId = 'saic-order-62' | 'samr-order-20' | 'samr-order-121';

export const complaintFields = [
  'complainantName',
  'complainantPhone',
  'complainantAddress',
  'respondentName',
  'respondentAddress',
  'request',
  'facts',
] as const;
export type ComplaintField = (typeof complaintFields)[number];

export interface ComplaintRuleSet {
  id: ComplaintRuleSetId;
  title: { 'zh-CN': string; en: string };
  citation: string;
  /** First day of receipt the set applies to, and the last (null: still in force). */
  effectiveFrom: string;
  effectiveTo: string | null;
  /** False when the values were not read from the regulation itself (shown as 待核实 / unconfirmed). */
  isConfirmed: boolean;
  note: string;
  acceptWorkingDays: number;
  mediationWorkingDays: number;
  notifyMediationEndWorkingDays: number;
  verifyWorkingDays: number;
  verifyExtensionWorkingDays: number;
  tellReporterWorkingDays: number;
  limitationYears: number;
  /** Fields a complaint must have (Art. 9); a report needs only a respondent and a concrete clue (Art. 24). */
  requiredComplaintFields: readonly ComplaintField[];
  requiredReportFields: readonly ComplaintField[];
}

const order20Values = {
  acceptWorkingDays: 7,
  mediationWorkingDays: 45,
  notifyMediationEndWorkingDays: 7,
  verifyWorkingDays: 15,
  verifyExtensionWorkingDays: 15,
  tellReporterWorkingDays: 5,
  limitationYears: 3,
  requiredComplaintFields: complaintFields,
  requiredReportFields: ['respondentName', 'facts'],
} as const;

export const complaintRuleSets: readonly ComplaintRuleSet[] = [
  {
    id: 'saic-order-62',
    title: { 'zh-CN': '工商行政管理部门处理消费者投诉办法（原国家工商总局令第62号）', en: 'SAIC Order 62 (consumer complaints, 2014)' },
    citation: '原国家工商行政管理总局令第62号（2014-03-15 施行）',
    effectiveFrom: '2014-03-15',
    effectiveTo: '2019-12-31',
    isConfirmed: false,
    note: '未核对原文：期限暂按第20号令取值，仅用于2019年历史数据。Not read: values copied from Order 20, for 2019 history only.',
    ...order20Values,
  },
  {
    id: 'samr-order-20',
    title: {
      'zh-CN': '市场监督管理投诉举报处理暂行办法（总局令第20号）',
      en: 'SAMR Order 20 (interim measures on complaints and reports)',
    },
    citation: '国家市场监督管理总局令第20号，2020-01-01 施行，2022-03-24 修正；第9、14、15、21、23、31条',
    effectiveFrom: '2020-01-01',
    effectiveTo: '2026-04-14',
    isConfirmed: true,
    note: '',
    ...order20Values,
  },
  {
    id: 'samr-order-121',
    title: { 'zh-CN': '市场监督管理投诉举报处理办法（总局令第121号）', en: 'SAMR Order 121 (measures on complaints and reports)' },
    citation: '国家市场监督管理总局令第121号，2025-12-30 公布，2026-04-15 施行',
    effectiveFrom: '2026-04-15',
    effectiveTo: null,
    isConfirmed: false,
    note: '待核实：期限尚未依原文录入，暂沿用第20号令数值。Unconfirmed: values copied from Order 20 until read from the text.',
    ...order20Values,
  },
];

/** The rule set in force on the day of receipt. Throws for a day no set covers (before 2014-03-15). */
export function complaintRuleSetFor(receivedOn: string, sets: readonly ComplaintRuleSet[] = complaintRuleSets): ComplaintRuleSet {
  const found = sets.find((set) => set.effectiveFrom <= receivedOn && (set.effectiveTo === null || receivedOn <= set.effectiveTo));
  if (!found) throw new RangeError(`no complaint rule set in force on ${receivedOn}`);
  return found;
}

export function complaintRuleSetById(id: string): ComplaintRuleSet {
  const found = complaintRuleSets.find((set) => set.id === id);
  if (!found) throw new RangeError(`unknown complaint rule set ${id}`);
  return found;
}

/**
 * Petitions 信访 are outside Order 20 (Art. 39) and follow the State Council's 《信访条例》 (Order 431, 2005):
 * decide whether to accept within 15 days of receipt (Art. 22) and finish within 60 days of acceptance,
 * extendable by at most 30 days (Art. 33). Calendar days. Not in the research notes: from the regulation
 * as recalled, flagged unconfirmed (the 2022 《信访工作条例》 may apply since 2022-05-01).
 */
export interface PetitionRuleSet {
  id: 'petition-2005';
  citation: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  isConfirmed: boolean;
  note: string;
  acceptCalendarDays: number;
  handleCalendarDays: number;
  handleExtensionCalendarDays: number;
}

export const petitionRuleSets: readonly PetitionRuleSet[] = [
  {
    id: 'petition-2005',
    citation: '《信访条例》（国务院令第431号）第22条、第33条',
    effectiveFrom: '2005-05-01',
    effectiveTo: null,
    isConfirmed: false,
    note: '待核实：未在调研资料中核对原文。Unconfirmed: not checked against the text in the research notes.',
    acceptCalendarDays: 15,
    handleCalendarDays: 60,
    handleExtensionCalendarDays: 30,
  },
];

/** The first day any rule set of this kind covers: an item received earlier has no deadlines to compute. */
export function firstRuleDay(kind: 'complaint' | 'report' | 'petition'): string {
  const sets: readonly { effectiveFrom: string }[] = kind === 'petition' ? petitionRuleSets : complaintRuleSets;
  return sets.map((set) => set.effectiveFrom).sort()[0] as string;
}

export function petitionRuleSetFor(receivedOn: string): PetitionRuleSet {
  const found = petitionRuleSets.find(
    (set) => set.effectiveFrom <= receivedOn && (set.effectiveTo === null || receivedOn <= set.effectiveTo),
  );
  if (!found) throw new RangeError(`no petition rule set in force on ${receivedOn}`);
  return found;
}
