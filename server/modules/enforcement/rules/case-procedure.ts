/**
 * The steps of an ordinary-procedure case and their deadlines, per 《市场监督管理行政处罚程序规定》 (SAMR, 2021
 * amendment; ../shared/research/anchors-china-rules.md §3.2):
 * - Art. 18: verify a lead and decide whether to open the case 立案 within 15 working days of finding it,
 *   extendable by 15 working days with the leader's approval (testing and appraisal time excluded).
 * - Art. 20: grounds not to open a case (minor and corrected; first offence with slight harm, corrected; no fault).
 * - Decide within 90 days of 立案, extendable by 30 days with approval (calendar days; the article number was
 *   not checked against the 2021 text — ../shared/research/anchors-china-rules.md §3.2 cites secondary pages).
 * Stages follow the order 立案 → 调查取证 → 告知 → 决定 → 执行 → 结案; a step cannot be skipped or repeated.
 */

import { caseSources, caseStages, notFiledGrounds } from '../../../../shared/vocabularies/enforcement.ts';
import { addCalendarDays, addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

export { caseSources, caseStages, notFiledGrounds };

export type CaseStage = (typeof caseStages)[number];

/** The ordinary procedure, in order; `not_filed` ends a lead instead of `filed`. */
export const stageOrder: readonly CaseStage[] = ['lead', 'filed', 'investigating', 'notified', 'decided', 'executed', 'closed'];

export type CaseSource = (typeof caseSources)[number];

export type NotFiledGround = (typeof notFiledGrounds)[number];

export const caseSteps = ['file', 'decide', 'publish'] as const;
export type CaseStep = (typeof caseSteps)[number];

export const caseProcedureRules = {
  citation: '《市场监督管理行政处罚程序规定》（2021年修正）第18条、第20条；作出处理决定期限90日（+30日）',
  filingWorkingDays: 15,
  filingExtensionWorkingDays: 15,
  decisionCalendarDays: 90,
  decisionExtensionCalendarDays: 30,
} as const;

/** The stage that may follow `from`: the next of the ordinary procedure, or not_filed from a lead. */
export function canAdvance(from: CaseStage, to: CaseStage): boolean {
  if (to === 'not_filed') return from === 'lead';
  const index = stageOrder.indexOf(from);
  return index >= 0 && stageOrder[index + 1] === to;
}

export function filingDue(leadOn: string, isExtended: boolean, calendar: HolidayCalendar): string {
  const days = caseProcedureRules.filingWorkingDays + (isExtended ? caseProcedureRules.filingExtensionWorkingDays : 0);
  return addWorkingDays(leadOn, days, calendar);
}

export function decisionDue(filedOn: string, isExtended: boolean): string {
  return addCalendarDays(
    filedOn,
    caseProcedureRules.decisionCalendarDays + (isExtended ? caseProcedureRules.decisionExtensionCalendarDays : 0),
  );
}

export interface CaseDeadlineState {
  stage: CaseStage;
  filingDue: string;
  decisionDue: string | null;
  publicationDue: string | null;
  publishedOn: string | null;
}

/** The deadlines running now, earliest first: the first is the case's current step. */
export function openCaseSteps(state: CaseDeadlineState): { step: CaseStep; due: string }[] {
  const steps: { step: CaseStep; due: string }[] = [];
  if (state.stage === 'lead') steps.push({ step: 'file', due: state.filingDue });
  if ((state.stage === 'filed' || state.stage === 'investigating' || state.stage === 'notified') && state.decisionDue) {
    steps.push({ step: 'decide', due: state.decisionDue });
  }
  if (state.publicationDue && !state.publishedOn && state.stage !== 'not_filed') steps.push({ step: 'publish', due: state.publicationDue });
  return steps.sort((left, right) => (left.due < right.due ? -1 : left.due > right.due ? 1 : 0));
}

/** The case document each stage produces (generated as .docx). */
export const caseDocumentKinds = ['filing', 'not_filing', 'notice', 'decision', 'closing', 'police_transfer'] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];

/** Whether a document exists yet: each belongs to the stage that makes it, and stays once made. */
export function isDocumentAvailable(kind: CaseDocumentKind, stage: CaseStage, isPoliceTransferred: boolean): boolean {
  if (kind === 'police_transfer') return isPoliceTransferred;
  if (kind === 'not_filing') return stage === 'not_filed';
  const madeAt: Record<Exclude<CaseDocumentKind, 'police_transfer' | 'not_filing'>, CaseStage> = {
    filing: 'filed',
    notice: 'notified',
    decision: 'decided',
    closing: 'closed',
  };
  const reached = stageOrder.indexOf(stage);
  return reached >= 0 && reached >= stageOrder.indexOf(madeAt[kind]);
}
