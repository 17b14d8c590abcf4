import { and, count, eq, like, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { nextInSeries } from '../../../platform/numbering/document-counter.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { complaintNotFound } from '../complaints.errors.ts';
import { type ComplaintRow, complaint, complaintStep } from '../complaints.tables.ts';
import { petitionRuleSetFor } from '../rules/complaint-rule-sets.ts';
import { type ComplaintKind, type ComplaintState, openSteps } from '../rules/complaint-steps.ts';

/**
 * The items an actor may see: whole districts for admin, leader and section staff; for an inspector the
 * items their station handles (routed from the respondent's street, or reassigned to it). Operators, labs
 * and market managers never see complaints: the respondent must not learn who complained (Order 20 Art. 33).
 */
export function complaintScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: complaint.districtCode, station: complaint.stationId });
}

export async function findComplaintInScope(ctx: ActorContext, id: number, options: { forUpdate?: boolean } = {}): Promise<ComplaintRow> {
  const [row] = await ctx.db
    .select()
    .from(complaint)
    .where(and(eq(complaint.id, id), complaintScope(ctx.actor)))
    .limit(1);
  if (!row) throw complaintNotFound();
  if (!options.forUpdate) return row;
  // Locked through its own district and id: on Citus a lock names one shard (docs/decisions/0020).
  const [locked] = await ctx.db
    .select()
    .from(complaint)
    .where(and(eq(complaint.districtCode, row.districtCode), eq(complaint.id, id)))
    .for('update');
  if (!locked) throw complaintNotFound();
  return locked;
}

const prefixes: Record<ComplaintKind, string> = { complaint: 'TS', report: 'JB', petition: 'XF' };

/** TS20200925-0001: kind (投诉 TS, 举报 JB, 信访 XF), day of receipt, running number of the day. */
export async function nextComplaintNumber(db: Db, districtCode: string, kind: ComplaintKind, receivedOn: string): Promise<string> {
  const prefix = `${prefixes[kind]}${receivedOn.replaceAll('-', '')}-`;
  const [counted] = await db
    .select({ total: count() })
    .from(complaint)
    .where(and(eq(complaint.districtCode, districtCode), like(complaint.number, `${prefix}%`)));
  const sequence = await nextInSeries(db, districtCode, prefix, counted?.total ?? 0);
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}

export function complaintNumber(kind: ComplaintKind, receivedOn: string, sequence: number): string {
  return `${prefixes[kind]}${receivedOn.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

export function stateOf(row: ComplaintRow): ComplaintState {
  return {
    kind: row.kind,
    status: row.status,
    ruleSet: row.ruleSet,
    receivedOn: row.receivedOn,
    isAnonymous: row.isAnonymous,
    acceptDue: row.acceptDue,
    mediationDue: row.mediationDue,
    notifyDue: row.notifyDue,
    verifyDue: row.verifyDue,
    verifyExtended: row.verifyExtended,
    caseDecidedOn: row.caseDecidedOn,
    replyDue: row.replyDue,
    handleDue: row.handleDue,
    handleExtended:
      row.kind === 'petition' &&
      Boolean(row.handleDue && row.acceptedOn) &&
      (row.handleDue as string) > addCalendarDays(row.acceptedOn as string, petitionRuleSetFor(row.receivedOn).handleCalendarDays),
  };
}

/** The current step of a row after a change: what the queues sort and flag on. */
export function currentStepOf(row: ComplaintRow): { currentStep: ComplaintRow['currentStep']; currentDue: string | null } {
  const [first] = openSteps(stateOf(row));
  return { currentStep: first?.step ?? null, currentDue: first?.due ?? null };
}

export async function recordComplaintStep(
  ctx: { db: Db; clock: ActorContext['clock'] },
  row: Pick<ComplaintRow, 'districtCode' | 'id'>,
  action: string,
  onDate: string,
  actorUserId: number | null,
  note = '',
): Promise<void> {
  await ctx.db.insert(complaintStep).values({
    districtCode: row.districtCode,
    complaintId: row.id,
    action,
    onDate,
    at: ctx.clock.now(),
    actorUserId,
    note,
  });
}

export function fieldProblem(fields: { field: string; message: FieldError['message'] }[]): never {
  throw invalidRequest(
    {},
    fields.map(({ field, message }) => ({ in: 'body', field, code: 'invalid', message })),
  );
}

/** A date the user states for a step: not in the future, not before the step it follows. */
export function checkStepDate(field: string, on: string, today: string, notBefore: string | null): void {
  if (on > today) fieldProblem([{ field, message: { 'zh-CN': '日期不能晚于今天', en: 'cannot be after today' } }]);
  if (notBefore && on < notBefore) {
    fieldProblem([
      { field, message: { 'zh-CN': `日期不能早于上一步（${notBefore}）`, en: `cannot be before the previous step (${notBefore})` } },
    ]);
  }
}
