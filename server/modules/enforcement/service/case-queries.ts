import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { formatYuan } from '../../../../shared/money.ts';
import { inIds } from '../../../db/id-set.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { deadlineFlag, soonLimit } from '../../../platform/calendar/deadline-flag.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import type { CaseList, CaseListItem, CaseListQuery, CaseView, MajorCriteriaView } from '../enforcement.schemas.ts';
import { type CaseRow, casePenalty, caseStep, enforcementCase } from '../enforcement.tables.ts';
import { canAdvance, caseDocumentKinds, caseStages, isDocumentAvailable, openCaseSteps } from '../rules/case-procedure.ts';
import { criteriaInForce, type MajorReason } from '../rules/major-case.ts';
import { monetaryPenaltyKinds, type PenaltyKind } from '../rules/penalty-publication.ts';
import { caseScope, findCaseInScope, loadMajorCriteria } from './case-scope.ts';

const totalFen = sql<string>`coalesce((select sum(p.amount_fen) from case_penalty p where p.district_code = ${enforcementCase.districtCode} and p.case_id = ${enforcementCase.id}), 0)::text`;

/** The handlers' queue: scoped, filtered, earliest deadline first. */
export async function listCases(ctx: ActorContext, query: CaseListQuery): Promise<CaseList> {
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  const today = todayInChina(ctx.clock.now());
  const conditions: SQL[] = [caseScope(ctx.actor)];
  if (query.stage) conditions.push(eq(enforcementCase.stage, query.stage));
  if (query.isOpen !== undefined) {
    conditions.push(
      query.isOpen
        ? sql`${enforcementCase.stage} not in ('closed', 'not_filed')`
        : sql`${enforcementCase.stage} in ('closed', 'not_filed')`,
    );
  }
  if (query.station) conditions.push(eq(enforcementCase.stationId, query.station));
  if (query.entityId) conditions.push(eq(enforcementCase.entityId, query.entityId));
  if (query.isMajor !== undefined) conditions.push(eq(enforcementCase.isMajor, query.isMajor));
  if (query.flag === 'overdue') conditions.push(sql`${enforcementCase.currentDue} < ${today}::date`);
  if (query.flag === 'due_soon') {
    conditions.push(sql`${enforcementCase.currentDue} between ${today}::date and ${soonLimit(today, calendar)}::date`);
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      sql`(${enforcementCase.number} ilike ${pattern} or ${enforcementCase.partyName} ilike ${pattern} or ${enforcementCase.title} ilike ${pattern})`,
    );
  }
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ row: enforcementCase, stationName: orgUnit.name, totalFen })
      .from(enforcementCase)
      .leftJoin(orgUnit, and(eq(orgUnit.districtCode, enforcementCase.districtCode), eq(orgUnit.id, enforcementCase.stationId)))
      .where(where)
      .orderBy(sql`${enforcementCase.currentDue} asc nulls last`, desc(enforcementCase.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(enforcementCase).where(where),
  ]);
  return {
    items: rows.map(({ row, stationName, totalFen: total }) => listItem(row, stationName ?? '', BigInt(total), today, calendar)),
    total: counted?.total ?? 0,
  };
}

function listItem(
  row: CaseRow,
  stationName: string,
  total: bigint,
  today: string,
  calendar: Parameters<typeof deadlineFlag>[2],
): CaseListItem {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    source: row.source,
    partyName: row.partyName,
    entityId: row.entityId,
    stationId: row.stationId,
    stationName,
    violationType: row.violationType,
    stage: row.stage,
    currentStep: row.currentStep,
    currentDue: row.currentDue,
    flag: row.currentDue ? deadlineFlag(row.currentDue, today, calendar) : null,
    leadOn: row.leadOn,
    decidedOn: row.decidedOn,
    closedOn: row.closedOn,
    isMajor: row.isMajor,
    totalAmount: formatYuan(total),
  };
}

/** The case file: facts, deadlines with flags, penalties, the steps taken and the documents available. */
export async function getCase(ctx: ActorContext, id: number): Promise<CaseView> {
  const row = await findCaseInScope(ctx, id);
  const calendar = await loadHolidayCalendar(ctx.db, row.districtCode);
  const today = todayInChina(ctx.clock.now());
  const key = (table: typeof casePenalty | typeof caseStep) => and(eq(table.districtCode, row.districtCode), eq(table.caseId, row.id));
  const [penalties, steps, [station]] = await Promise.all([
    ctx.db.select().from(casePenalty).where(key(casePenalty)).orderBy(asc(casePenalty.id)),
    ctx.db.select().from(caseStep).where(key(caseStep)).orderBy(asc(caseStep.id)),
    ctx.db
      .select({ name: orgUnit.name })
      .from(orgUnit)
      .where(and(eq(orgUnit.districtCode, row.districtCode), eq(orgUnit.id, row.stationId))),
  ]);
  const sumOf = (kinds: readonly PenaltyKind[]) =>
    penalties.filter((penalty) => kinds.includes(penalty.kind)).reduce((sum, penalty) => sum + penalty.amountFen, 0n);
  const fine = sumOf(['fine']);
  const confiscation = sumOf(['confiscation_income', 'confiscation_property']);
  return {
    ...listItem(row, station?.name ?? '', sumOf(monetaryPenaltyKinds), today, calendar),
    sourceRef: row.sourceRef,
    streetCode: row.streetCode,
    facts: row.facts,
    filingDue: row.filingDue,
    filingExtended: row.filingExtended,
    filedOn: row.filedOn,
    investigatedOn: row.investigatedOn,
    notifiedOn: row.notifiedOn,
    decisionDue: row.decisionDue,
    decisionExtended: row.decisionExtended,
    decisionNumber: row.decisionNumber,
    legalBasis: row.legalBasis,
    publicationDue: row.publicationDue,
    publishedOn: row.publishedOn,
    executedOn: row.executedOn,
    notFiledGround: row.notFiledGround,
    majorReasons: row.majorReasons as MajorReason[],
    policeTransferredOn: row.policeTransferredOn,
    policeTransferNote: row.policeTransferNote,
    penalties: penalties.map((penalty) => ({ kind: penalty.kind, amount: formatYuan(penalty.amountFen), note: penalty.note })),
    fineAmount: formatYuan(fine),
    confiscationAmount: formatYuan(confiscation),
    openSteps: openCaseSteps(row).map((entry) => ({ ...entry, flag: deadlineFlag(entry.due, today, calendar) })),
    nextStages: caseStages.filter((stage) => canAdvance(row.stage, stage)),
    documents: caseDocumentKinds.filter((kind) => isDocumentAvailable(kind, row.stage, row.policeTransferredOn !== null)),
    steps: steps.map((step) => ({
      action: step.action,
      onDate: step.onDate,
      at: step.at.toISOString(),
      actorUserId: step.actorUserId,
      note: step.note,
    })),
  };
}

/** The major-case criteria in force today for the actor's district (the bureau's row, else the default). */
export async function currentMajorCriteria(ctx: ActorContext): Promise<MajorCriteriaView> {
  const criteria = criteriaInForce(await loadMajorCriteria(ctx.db, ctx.actor.districtCode), todayInChina(ctx.clock.now()));
  return {
    effectiveFrom: criteria.effectiveFrom,
    amountThreshold: formatYuan(criteria.amountThresholdFen),
    policeTransferIsMajor: criteria.policeTransferIsMajor,
    licenceRevocationIsMajor: criteria.licenceRevocationIsMajor,
    note: criteria.isDefault ? '本局默认设置（未查到全国统一标准）· local default (no national rule found)' : '',
    isDefault: criteria.isDefault,
  };
}

/** What a risk or colour rule needs about an entity's cases: penalised cases since a day, and their amounts. */
export interface EntityPenaltySummary {
  penalisedCases: number;
  majorCases: number;
  totalAmountFen: bigint;
  lastDecidedOn: string | null;
}

/**
 * Penalty decisions against an entity decided from `since` to `until` (default: no end), the risk module's input. Reads the
 * entity's cases in the actor's scope only.
 */
export async function entityPenaltySummary(
  ctx: ActorContext,
  entityIds: readonly number[],
  since: string,
  until?: string,
): Promise<Map<number, EntityPenaltySummary>> {
  const result = new Map<number, EntityPenaltySummary>();
  if (entityIds.length === 0) return result;
  const rows = await ctx.db
    .select({
      entityId: enforcementCase.entityId,
      isMajor: enforcementCase.isMajor,
      decidedOn: enforcementCase.decidedOn,
      totalFen,
    })
    .from(enforcementCase)
    .where(
      and(
        caseScope(ctx.actor),
        inIds(enforcementCase.entityId, [...entityIds]),
        sql`${enforcementCase.decidedOn} >= ${since}::date`,
        until ? sql`${enforcementCase.decidedOn} <= ${until}::date` : undefined,
        sql`exists (select 1 from case_penalty p where p.district_code = ${enforcementCase.districtCode} and p.case_id = ${enforcementCase.id} and p.kind <> 'warning')`,
      ),
    );
  for (const row of rows) {
    const entityId = row.entityId as number;
    const summary = result.get(entityId) ?? { penalisedCases: 0, majorCases: 0, totalAmountFen: 0n, lastDecidedOn: null };
    summary.penalisedCases += 1;
    if (row.isMajor) summary.majorCases += 1;
    summary.totalAmountFen += BigInt(row.totalFen);
    if (row.decidedOn && (!summary.lastDecidedOn || row.decidedOn > summary.lastDecidedOn)) summary.lastDecidedOn = row.decidedOn;
    result.set(entityId, summary);
  }
  return result;
}
