import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { formatYuan } from '../../../../shared/money.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { isDeadlineProvisional } from '../../../platform/calendar/calendar-coverage.ts';
import { deadlineFlag, soonLimit } from '../../../platform/calendar/deadline-flag.ts';
import type { HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import type {
  ComplaintList,
  ComplaintListItem,
  ComplaintListQuery,
  ComplaintView,
  FlagSummaryView,
  RuleSetView,
} from '../complaints.schemas.ts';
import { type ComplaintRow, complaint, complaintStep } from '../complaints.tables.ts';
import { complaintRuleSets, petitionRuleSets } from '../rules/complaint-rule-sets.ts';
import { canPerform, complaintActions, openSteps } from '../rules/complaint-steps.ts';
import { complaintScope, findComplaintInScope, stateOf } from './complaint-records.ts';

/** Every rule set, for the UI (Order 121 shown as 待核实 / unconfirmed until its values are entered). */
export function ruleSetViews(): RuleSetView[] {
  return [
    ...complaintRuleSets.map((set) => ({ ...set })),
    ...petitionRuleSets.map((set) => ({
      ...set,
      title: { 'zh-CN': '信访条例（国务院令第431号）', en: 'Regulations on Letters and Visits (State Council Order 431)' },
    })),
  ].map(({ id, title, citation, effectiveFrom, effectiveTo, isConfirmed, note }) => ({
    id,
    title,
    citation,
    effectiveFrom,
    effectiveTo,
    isConfirmed,
    note,
  }));
}

const ruleSetConfirmed = new Map(ruleSetViews().map((set) => [set.id, set.isConfirmed]));

function flagConditions(query: Pick<ComplaintListQuery, 'flag'>, today: string, calendar: HolidayCalendar): SQL[] {
  if (query.flag === 'overdue') return [sql`${complaint.currentDue} < ${today}::date`];
  if (query.flag === 'due_soon') return [sql`${complaint.currentDue} between ${today}::date and ${soonLimit(today, calendar)}::date`];
  return [];
}

function listItem(row: ComplaintRow, stationName: string, today: string, calendar: HolidayCalendar): ComplaintListItem {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    receivedOn: row.receivedOn,
    respondentName: row.respondentName,
    entityId: row.entityId,
    stationId: row.stationId,
    stationName,
    status: row.status,
    currentStep: row.currentStep,
    currentDue: row.currentDue,
    flag: row.currentDue ? deadlineFlag(row.currentDue, today, calendar) : null,
    isDueProvisional: row.currentDue ? isDeadlineProvisional(row.receivedOn, row.currentDue, calendar) : false,
    isAnonymous: row.isAnonymous,
    complainantName: row.complainantNameMask,
    complainantPhone: row.complainantPhoneMask,
    ruleSet: row.ruleSet,
    ruleSetConfirmed: ruleSetConfirmed.get(row.ruleSet) ?? false,
  };
}

/** The handlers' queue: items in scope, the nearest deadline first, each with its flag. */
export async function listComplaints(ctx: ActorContext, query: ComplaintListQuery): Promise<ComplaintList> {
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  const today = todayInChina(ctx.clock.now());
  const conditions: SQL[] = [complaintScope(ctx.actor), ...flagConditions(query, today, calendar)];
  if (query.kind) conditions.push(eq(complaint.kind, query.kind));
  if (query.status) conditions.push(eq(complaint.status, query.status));
  if (query.isOpen !== undefined) {
    conditions.push(
      query.isOpen ? sql`${complaint.status} not in ('closed', 'rejected')` : sql`${complaint.status} in ('closed', 'rejected')`,
    );
  }
  if (query.station) conditions.push(eq(complaint.stationId, query.station));
  if (query.entityId) conditions.push(eq(complaint.entityId, query.entityId));
  if (query.receivedFrom) conditions.push(sql`${complaint.receivedOn} >= ${query.receivedFrom}::date`);
  if (query.receivedTo) conditions.push(sql`${complaint.receivedOn} <= ${query.receivedTo}::date`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`(${complaint.number} ilike ${pattern} or ${complaint.respondentName} ilike ${pattern})`);
  }
  const where = and(...conditions);
  const [rows, [counted]] = await inTurn(
    () =>
      ctx.db
        .select({ row: complaint, stationName: orgUnit.name })
        .from(complaint)
        .leftJoin(orgUnit, and(eq(orgUnit.districtCode, complaint.districtCode), eq(orgUnit.id, complaint.stationId)))
        .where(where)
        .orderBy(sql`${complaint.currentDue} asc nulls last`, desc(complaint.receivedOn), desc(complaint.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(complaint).where(where),
  );
  return { items: rows.map(({ row, stationName }) => listItem(row, stationName ?? '', today, calendar)), total: counted?.total ?? 0 };
}

/** Items near or past a deadline, for the handler's and the leader's attention. */
export async function flagSummary(ctx: ActorContext): Promise<FlagSummaryView> {
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  const today = todayInChina(ctx.clock.now());
  const [row] = await ctx.db
    .select({
      overdue: sql<number>`count(*) filter (where ${complaint.currentDue} < ${today}::date)::int`,
      dueSoon: sql<number>`count(*) filter (where ${complaint.currentDue} between ${today}::date and ${soonLimit(today, calendar)}::date)::int`,
      open: sql<number>`count(*)::int`,
    })
    .from(complaint)
    .where(and(complaintScope(ctx.actor), sql`${complaint.status} not in ('closed', 'rejected')`));
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0, open: row?.open ?? 0 };
}

/** The file of one item; the complainant stays masked (the plain values only through the audited reveal). */
export async function getComplaint(ctx: ActorContext, id: number): Promise<ComplaintView> {
  const row = await findComplaintInScope(ctx, id);
  const calendar = await loadHolidayCalendar(ctx.db, row.districtCode);
  const today = todayInChina(ctx.clock.now());
  const [steps, [station]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(complaintStep)
        .where(and(eq(complaintStep.districtCode, row.districtCode), eq(complaintStep.complaintId, row.id)))
        .orderBy(asc(complaintStep.id)),
    () =>
      ctx.db
        .select({ name: orgUnit.name })
        .from(orgUnit)
        .where(and(eq(orgUnit.districtCode, row.districtCode), eq(orgUnit.id, row.stationId))),
  );
  const state = stateOf(row);
  const rules = ruleSetViews().find((set) => set.id === row.ruleSet) as RuleSetView;
  return {
    ...listItem(row, station?.name ?? '', today, calendar),
    respondentAddress: row.respondentAddress,
    streetCode: row.streetCode,
    facts: row.facts,
    request: row.request,
    knewOn: row.knewOn,
    acceptDue: row.acceptDue,
    acceptedOn: row.acceptedOn,
    rejectedOn: row.rejectedOn,
    rejectGround: row.rejectGround,
    mediationDue: row.mediationDue,
    mediationEndedOn: row.mediationEndedOn,
    mediationOutcome: row.mediationOutcome,
    amountRecovered: row.amountRecoveredFen === null ? null : formatYuan(row.amountRecoveredFen),
    notifyDue: row.notifyDue,
    notifiedOn: row.notifiedOn,
    verifyDue: row.verifyDue,
    verifyExtended: row.verifyExtended,
    verifiedOn: row.verifiedOn,
    caseDecision: row.caseDecision,
    caseDecidedOn: row.caseDecidedOn,
    caseId: row.caseId,
    replyDue: row.replyDue,
    repliedOn: row.repliedOn,
    handleDue: row.handleDue,
    closedOn: row.closedOn,
    surveySentAt: row.surveySentAt?.toISOString() ?? null,
    surveyAnswer: row.surveyAnswer,
    surveyAnsweredOn: row.surveyAnsweredOn,
    rules,
    openSteps: openSteps(state).map((entry) => ({
      ...entry,
      flag: deadlineFlag(entry.due, today, calendar),
      isProvisional: isDeadlineProvisional(row.receivedOn, entry.due, calendar),
    })),
    allowedActions: complaintActions.filter((action) => canPerform(action, state)),
    steps: steps.map((step) => ({
      action: step.action,
      onDate: step.onDate,
      at: step.at.toISOString(),
      actorUserId: step.actorUserId,
      note: step.note,
    })),
  };
}
