/**
 * The handling of one item step by step, with each step's legal deadline (pure: dates in, dates out).
 * Deadlines come from the item's rule set (complaint-rule-sets.ts, citing SAMR Order 20 Arts. 14, 21, 23,
 * 31 and 《市场监督管理行政处罚程序规定》 Art. 18) and are counted in working days on the holiday calendar,
 * the day of the event not counted (《民法典》 Art. 201); petitions count calendar days (《信访条例》 Arts. 22, 33).
 */

import { addMonths } from '../../../../shared/calendar-day.ts';
import { complaintKinds, complaintStatuses, mediationOutcomes, rejectGrounds } from '../../../../shared/vocabularies/complaints.ts';
import { addCalendarDays, addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { type ComplaintRuleSet, complaintRuleSetById, complaintRuleSetFor, petitionRuleSetFor } from './complaint-rule-sets.ts';

export { complaintKinds, complaintStatuses, mediationOutcomes, rejectGrounds };

export type ComplaintKind = (typeof complaintKinds)[number];
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintSteps = ['accept', 'mediate', 'notify', 'verify', 'reply', 'handle'] as const;
export type ComplaintStep = (typeof complaintSteps)[number];
export const complaintActions = [
  'accept',
  'reject',
  'end_mediation',
  'start_verification',
  'extend_verification',
  'decide_case',
  'reply',
  'extend_handling',
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

export type RejectGround = (typeof rejectGrounds)[number];

export type MediationOutcome = (typeof mediationOutcomes)[number];

/** What the steps need to know of an item: its kind, status and the dates already set. */
export interface ComplaintState {
  kind: ComplaintKind;
  status: ComplaintStatus;
  ruleSet: string;
  receivedOn: string;
  isAnonymous: boolean;
  acceptDue: string | null;
  mediationDue: string | null;
  notifyDue: string | null;
  verifyDue: string | null;
  verifyExtended: boolean;
  caseDecidedOn: string | null;
  replyDue: string | null;
  handleDue: string | null;
  /** Petitions: whether the 30-day extension was used. */
  handleExtended?: boolean;
}

export type ComplaintPatch = Partial<{
  status: ComplaintStatus;
  acceptDue: string | null;
  acceptedOn: string;
  rejectedOn: string;
  mediationDue: string | null;
  mediationEndedOn: string;
  notifyDue: string | null;
  notifiedOn: string;
  verifyDue: string | null;
  verifyExtended: boolean;
  verifiedOn: string;
  caseDecidedOn: string;
  replyDue: string | null;
  repliedOn: string;
  handleDue: string | null;
  closedOn: string;
}>;

/** The first state of an item received on `receivedOn`: its rule set and the first deadline. */
export function intakeState(kind: ComplaintKind, receivedOn: string, calendar: HolidayCalendar): { ruleSet: string } & ComplaintPatch {
  if (kind === 'petition') {
    const rules = petitionRuleSetFor(receivedOn);
    return { ruleSet: rules.id, status: 'received', acceptDue: addCalendarDays(receivedOn, rules.acceptCalendarDays) };
  }
  const rules = complaintRuleSetFor(receivedOn);
  if (kind === 'report') {
    // A report asks for no acceptance decision: the clue is verified at once (penalty procedure Art. 18).
    return { ruleSet: rules.id, status: 'verifying', verifyDue: addWorkingDays(receivedOn, rules.verifyWorkingDays, calendar) };
  }
  return { ruleSet: rules.id, status: 'received', acceptDue: addWorkingDays(receivedOn, rules.acceptWorkingDays, calendar) };
}

function complaintRules(state: ComplaintState): ComplaintRuleSet {
  return complaintRuleSetById(state.ruleSet);
}

const isOpen = (state: ComplaintState) => state.status !== 'closed' && state.status !== 'rejected';

/** Which actions the item's state allows: the order of the steps, enforced. */
export function canPerform(action: ComplaintAction, state: ComplaintState): boolean {
  switch (action) {
    case 'accept':
    case 'reject':
      return state.status === 'received';
    case 'end_mediation':
    case 'start_verification':
      return state.kind === 'complaint' && state.status === 'mediating' && (action === 'end_mediation' || state.verifyDue === null);
    case 'extend_verification':
      return isOpen(state) && state.verifyDue !== null && state.caseDecidedOn === null && !state.verifyExtended;
    case 'decide_case':
      return isOpen(state) && state.verifyDue !== null && state.caseDecidedOn === null;
    case 'reply':
      return state.status === 'awaiting_reply' || (state.kind === 'petition' && state.status === 'accepted');
    case 'extend_handling':
      return state.kind === 'petition' && state.status === 'accepted' && !state.handleExtended;
  }
}

/** The changes an action makes on day `on`. Call canPerform first; this assumes the action is allowed. */
export function applyAction(
  action: ComplaintAction,
  state: ComplaintState,
  on: string,
  calendar: HolidayCalendar,
  options: { caseOpened?: boolean } = {},
): ComplaintPatch {
  switch (action) {
    case 'accept':
      if (state.kind === 'petition') {
        const rules = petitionRuleSetFor(state.receivedOn);
        return { status: 'accepted', acceptedOn: on, handleDue: addCalendarDays(on, rules.handleCalendarDays) };
      }
      return {
        status: 'mediating',
        acceptedOn: on,
        mediationDue: addWorkingDays(on, complaintRules(state).mediationWorkingDays, calendar),
      };
    case 'reject':
      return { status: 'rejected', rejectedOn: on, closedOn: on };
    case 'end_mediation':
      return {
        status: 'awaiting_reply',
        mediationEndedOn: on,
        notifyDue: addWorkingDays(on, complaintRules(state).notifyMediationEndWorkingDays, calendar),
      };
    case 'start_verification':
      return { verifyDue: addWorkingDays(on, complaintRules(state).verifyWorkingDays, calendar) };
    case 'extend_verification':
      return {
        verifyExtended: true,
        verifyDue: addWorkingDays(state.verifyDue as string, complaintRules(state).verifyExtensionWorkingDays, calendar),
      };
    case 'decide_case': {
      const decided: ComplaintPatch = { caseDecidedOn: on, verifiedOn: on };
      if (state.kind !== 'report') return decided;
      // Art. 31: a real-name reporter is told of the decision to open a case; an anonymous one cannot be.
      if (state.isAnonymous || !options.caseOpened) return { ...decided, status: 'closed', closedOn: on };
      return {
        ...decided,
        status: 'awaiting_reply',
        replyDue: addWorkingDays(on, complaintRules(state).tellReporterWorkingDays, calendar),
      };
    }
    case 'reply':
      return state.kind === 'complaint'
        ? { status: 'closed', notifiedOn: on, closedOn: on }
        : { status: 'closed', repliedOn: on, closedOn: on };
    case 'extend_handling':
      return { handleDue: addCalendarDays(state.handleDue as string, petitionRuleSetFor(state.receivedOn).handleExtensionCalendarDays) };
  }
}

/** The steps running now with their deadlines, earliest first; the first is the item's current step. */
export function openSteps(state: ComplaintState): { step: ComplaintStep; due: string }[] {
  const steps: { step: ComplaintStep; due: string | null }[] = [];
  if (state.status === 'received') steps.push({ step: 'accept', due: state.acceptDue });
  if (state.status === 'mediating') steps.push({ step: 'mediate', due: state.mediationDue });
  if (isOpen(state) && state.verifyDue && !state.caseDecidedOn) steps.push({ step: 'verify', due: state.verifyDue });
  if (state.status === 'awaiting_reply')
    steps.push(state.kind === 'complaint' ? { step: 'notify', due: state.notifyDue } : { step: 'reply', due: state.replyDue });
  if (state.kind === 'petition' && state.status === 'accepted') steps.push({ step: 'handle', due: state.handleDue });
  return steps
    .filter((entry): entry is { step: ComplaintStep; due: string } => entry.due !== null)
    .sort((left, right) => (left.due < right.due ? -1 : left.due > right.due ? 1 : 0));
}

/**
 * Order 20 Art. 15(4): a complaint more than `limitationYears` years after the complainant knew (or should
 * have known) of the infringement is rejected. The limit day itself is still in time.
 */
export function isTimeBarred(knewOn: string, receivedOn: string, rules: Pick<ComplaintRuleSet, 'limitationYears'>): boolean {
  // 29 February plus whole years ends on 28 February of a common year.
  return receivedOn > addMonths(knewOn, 12 * rules.limitationYears);
}
