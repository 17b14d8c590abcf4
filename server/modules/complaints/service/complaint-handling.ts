import { and, eq } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { formatYuan, parseYuan } from '../../../../shared/money.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { defineError } from '../../../platform/errors/app-error.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import { queueSms } from '../../../platform/sms/sms.service.ts';
import { advanceCase, openCase } from '../../enforcement/index.ts';
import { addTimelineEvent } from '../../registry/index.ts';
import { actionNotAllowed, surveyNotPossible } from '../complaints.errors.ts';
import type {
  DecideCaseBody,
  EndMediationBody,
  ExtendBody,
  ReassignBody,
  RejectBody,
  RevealView,
  SurveyAnswerBody,
} from '../complaints.schemas.ts';
import { type ComplaintRow, complaint } from '../complaints.tables.ts';
import { complaintRuleSetById } from '../rules/complaint-rule-sets.ts';
import { applyAction, type ComplaintAction, type ComplaintPatch, canPerform, isTimeBarred } from '../rules/complaint-steps.ts';
import { checkStepDate, currentStepOf, fieldProblem, findComplaintInScope, recordComplaintStep, stateOf } from './complaint-records.ts';

export const complaintTimeBarred = defineError('complaints.time_barred', 409, {
  'zh-CN': '自知道权益受侵害之日起已超过三年，应以“超过三年”为由不予受理（第20号令第十五条）',
  en: 'More than three years since the complainant knew: reject it on that ground (Order 20 Art. 15)',
});

type Extra = {
  note?: string;
  rejectGround?: ComplaintRow['rejectGround'];
  mediationOutcome?: ComplaintRow['mediationOutcome'];
  amountRecoveredFen?: bigint | null;
  caseDecision?: ComplaintRow['caseDecision'];
  caseId?: number | null;
};

const lastDate = (row: ComplaintRow) =>
  [row.receivedOn, row.acceptedOn, row.mediationEndedOn, row.caseDecidedOn, row.verifiedOn]
    .filter((day): day is string => day !== null)
    .sort()
    .at(-1) ?? null;

/**
 * Takes one step of an item on day `on`, when its state allows it (the order of the steps is enforced by
 * rules/complaint-steps.ts); recomputes the running deadline and records the step and the audit event.
 * `during` runs inside the transaction before the update (e.g. to open the case a report leads to).
 */
async function takeStep(
  ctx: ActorContext,
  id: number,
  action: ComplaintAction,
  on: string,
  extra: Extra = {},
  during?: (tx: ActorContext, row: ComplaintRow) => Promise<Extra>,
): Promise<ComplaintRow> {
  const today = todayInChina(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findComplaintInScope(txCtx, id, { forUpdate: true });
    const state = stateOf(row);
    if (!canPerform(action, state)) throw actionNotAllowed({ status: row.status });
    checkStepDate('on', on, today, action === 'extend_verification' || action === 'extend_handling' ? null : lastDate(row));
    if (
      action === 'accept' &&
      row.kind === 'complaint' &&
      row.knewOn &&
      isTimeBarred(row.knewOn, row.receivedOn, complaintRuleSetById(row.ruleSet))
    ) {
      throw complaintTimeBarred();
    }
    const more = during ? await during(txCtx, row) : {};
    const calendar = await loadHolidayCalendar(tx, row.districtCode);
    const patch: ComplaintPatch = applyAction(action, state, on, calendar, {
      caseOpened: (more.caseDecision ?? extra.caseDecision) === 'case_opened',
    });
    const { note, ...columns } = { ...extra, ...more };
    const next = { ...row, ...patch, ...columns } as ComplaintRow;
    const [updated] = await tx
      .update(complaint)
      .set({ ...patch, ...columns, ...currentStepOf(next), updatedAt: ctx.clock.now() })
      .where(and(eq(complaint.districtCode, row.districtCode), eq(complaint.id, row.id)))
      .returning();
    await recordComplaintStep(txCtx, row, action, on, ctx.actor.userId, note ?? '');
    // Only a complaint's acceptance reaches the entity's timeline: the respondent is told of it anyway during
    // mediation, while a report or a petition must not show there (Order 20 Art. 33).
    if (action === 'accept' && row.kind === 'complaint' && row.entityId !== null) {
      await addTimelineEvent(txCtx, {
        entityId: row.entityId,
        districtCode: row.districtCode,
        kind: 'complaint.accepted',
        at: chinaInstant(on, '12:00:00'),
        title: { zh: `受理消费投诉（${row.number}）`, en: `Consumer complaint accepted (${row.number})` },
        refType: 'complaint',
        refId: row.id,
      });
    }
    await writeAudit(txCtx, {
      action: `complaint.${action}`,
      objectType: 'complaint',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: {
        on,
        from: row.status,
        to: (updated as ComplaintRow).status,
        ...(columns.amountRecoveredFen != null ? { amountRecovered: formatYuan(columns.amountRecoveredFen) } : {}),
      },
    });
    return updated as ComplaintRow;
  });
}

export const acceptItem = (ctx: ActorContext, id: number, input: { on: string; note?: string }) =>
  takeStep(ctx, id, 'accept', input.on, { note: input.note });

export const rejectItem = (ctx: ActorContext, id: number, input: RejectBody) =>
  takeStep(ctx, id, 'reject', input.on, { note: input.note, rejectGround: input.ground });

/** Ends mediation (Order 20 Art. 21) with its outcome and the amount recovered for the consumer. */
export function endMediation(ctx: ActorContext, id: number, input: EndMediationBody) {
  const amount = input.amountRecovered === undefined ? null : parseYuan(input.amountRecovered);
  if (amount !== null && amount > 0n && input.outcome !== 'agreement' && input.outcome !== 'withdrawn') {
    fieldProblem([
      { field: 'amountRecovered', message: { 'zh-CN': '未达成调解协议时不应有挽回金额', en: 'only a settlement recovers an amount' } },
    ]);
  }
  return takeStep(ctx, id, 'end_mediation', input.on, { note: input.note, mediationOutcome: input.outcome, amountRecoveredFen: amount });
}

export const startVerification = (ctx: ActorContext, id: number, input: { on: string; note?: string }) =>
  takeStep(ctx, id, 'start_verification', input.on, { note: input.note });

export const extendItem = (ctx: ActorContext, id: number, input: ExtendBody) =>
  takeStep(ctx, id, input.step === 'verify' ? 'extend_verification' : 'extend_handling', todayInChina(ctx.clock.now()), {
    note: input.reason,
  });

/**
 * Decides whether the clue leads to a case. Opening one creates the enforcement case (source: report,
 * lead day = day of receipt) and files it on `on`, in the same transaction; the reporter's identity is
 * not passed on.
 */
export function decideCase(ctx: ActorContext, id: number, input: DecideCaseBody) {
  if (input.decision === 'open_case' && !input.violationType) {
    fieldProblem([{ field: 'violationType', message: { 'zh-CN': '立案须选择违法类型', en: 'is required to open a case' } }]);
  }
  return takeStep(ctx, id, 'decide_case', input.on, { note: input.note }, async (tx, row) => {
    if (input.decision === 'no_case') return { caseDecision: 'no_case' };
    const opened = await openCase(tx, {
      title: `${row.respondentName}涉嫌违法案（${row.number}）`,
      source: 'report',
      sourceRef: `complaint:${row.number}`,
      ...(row.entityId !== null ? { entityId: row.entityId } : { partyName: row.respondentName, streetCode: row.streetCode }),
      violationType: input.violationType as NonNullable<DecideCaseBody['violationType']>,
      facts: row.facts,
      leadOn: row.receivedOn,
    });
    await advanceCase(tx, opened.id, { to: 'filed', on: input.on, note: `由${row.number}立案` });
    return { caseDecision: 'case_opened', caseId: opened.id };
  });
}

export const replyItem = (ctx: ActorContext, id: number, input: { on: string; note?: string }) =>
  takeStep(ctx, id, 'reply', input.on, { note: input.note });

/** Hands an open item to another station of the district (the respondent's street stays as it is). */
export async function reassignItem(ctx: ActorContext, id: number, input: ReassignBody): Promise<ComplaintRow> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findComplaintInScope(txCtx, id, { forUpdate: true });
    if (row.status === 'closed' || row.status === 'rejected') throw actionNotAllowed({ status: row.status });
    const [station] = await tx
      .select({ id: orgUnit.id })
      .from(orgUnit)
      .where(and(eq(orgUnit.districtCode, row.districtCode), eq(orgUnit.id, input.stationId), eq(orgUnit.kind, 'station')));
    if (!station)
      fieldProblem([{ field: 'stationId', message: { 'zh-CN': '不是本辖区的市场监管所', en: 'is not a station of this district' } }]);
    const [updated] = await tx
      .update(complaint)
      .set({ stationId: input.stationId, updatedAt: ctx.clock.now() })
      .where(and(eq(complaint.districtCode, row.districtCode), eq(complaint.id, row.id)))
      .returning();
    await recordComplaintStep(txCtx, row, 'reassign', todayInChina(ctx.clock.now()), ctx.actor.userId, input.note ?? '');
    await writeAudit(txCtx, {
      action: 'complaint.reassign',
      objectType: 'complaint',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: { from: row.stationId, to: input.stationId },
    });
    return updated as ComplaintRow;
  });
}

/** Sends the satisfaction survey of a closed item by text message (through the outbox, in this transaction). */
export async function sendSurvey(ctx: ActorContext, id: number): Promise<ComplaintRow> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findComplaintInScope(txCtx, id, { forUpdate: true });
    if (row.status !== 'closed' || row.isAnonymous || !row.complainantPhoneEnc || row.surveySentAt) throw surveyNotPossible();
    await queueSms(txCtx, {
      districtCode: row.districtCode,
      phone: ctx.crypto.decrypt(row.complainantPhoneEnc),
      body: `【市场监管】您反映的事项（编号${row.number}）已办结。请回复数字评价：1 满意，2 基本满意，3 不满意。`,
      purpose: 'complaint.survey',
      refType: 'complaint',
      refId: row.id,
    });
    const [updated] = await tx
      .update(complaint)
      .set({ surveySentAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(and(eq(complaint.districtCode, row.districtCode), eq(complaint.id, row.id)))
      .returning();
    await writeAudit(txCtx, { action: 'complaint.survey_sent', objectType: 'complaint', objectId: row.id, districtCode: row.districtCode });
    return updated as ComplaintRow;
  });
}

/** Records the answer to the survey (the reply text message, or a call back). */
export async function recordSurveyAnswer(ctx: ActorContext, id: number, input: SurveyAnswerBody): Promise<ComplaintRow> {
  const today = todayInChina(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findComplaintInScope(txCtx, id, { forUpdate: true });
    if (!row.surveySentAt) throw surveyNotPossible();
    const on = input.on ?? today;
    checkStepDate('on', on, today, row.closedOn);
    const [updated] = await tx
      .update(complaint)
      .set({ surveyAnswer: input.answer, surveyAnsweredOn: on, updatedAt: ctx.clock.now() })
      .where(and(eq(complaint.districtCode, row.districtCode), eq(complaint.id, row.id)))
      .returning();
    await writeAudit(txCtx, {
      action: 'complaint.survey_answer',
      objectType: 'complaint',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: { answer: input.answer },
    });
    return updated as ComplaintRow;
  });
}

/** The complainant's contact details in plain text, for the handler who must call back; audited with the reason. */
export async function revealComplainant(ctx: ActorContext, id: number, reason: string): Promise<RevealView> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findComplaintInScope(txCtx, id);
    await writeAudit(txCtx, {
      action: 'complaint.reveal_complainant',
      objectType: 'complaint',
      objectId: row.id,
      districtCode: row.districtCode,
      reason,
    });
    const open = (value: string | null) => (value ? ctx.crypto.decrypt(value) : null);
    return { name: open(row.complainantNameEnc), phone: open(row.complainantPhoneEnc), address: open(row.complainantAddressEnc) };
  });
}
