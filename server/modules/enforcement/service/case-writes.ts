import { and, desc, eq, like, sql } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { formatYuan, parseYuan } from '../../../../shared/money.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import type { HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { nextInSeries } from '../../../platform/numbering/document-counter.ts';
import { stationOfStreet } from '../../../platform/org/stations.ts';
import { addTimelineEvent, findEntityForModule } from '../../registry/index.ts';
import { alreadyExtended, extensionNotApplicable, nothingToPublish, penaltiesLocked, stageNotAllowed } from '../enforcement.errors.ts';
import type {
  AdvanceCaseBody,
  DatedNoteBody,
  ExtendCaseBody,
  MajorCriteriaBody,
  OpenCaseBody,
  PenaltiesBody,
} from '../enforcement.schemas.ts';
import { type CaseRow, casePenalty, caseStep, enforcementCase, majorCaseCriteria } from '../enforcement.tables.ts';
import { type CaseStage, canAdvance, decisionDue, filingDue, openCaseSteps } from '../rules/case-procedure.ts';
import { criteriaInForce, majorCaseReasons } from '../rules/major-case.ts';
import { type PenaltyKind, publicationDue, requiresPublication } from '../rules/penalty-publication.ts';
import { keepCaseDocuments } from './case-documents.ts';
import { badField, checkStepDate, findCaseInScope, loadMajorCriteria } from './case-scope.ts';

type Tx = ActorContext['db'];

/** Next case number of a year: AJ2020-0001, AJ2020-0002… (unique per district). */
export async function nextCaseNumber(db: Tx, districtCode: string, year: string): Promise<string> {
  const [last] = await db
    .select({ number: enforcementCase.number })
    .from(enforcementCase)
    .where(and(eq(enforcementCase.districtCode, districtCode), like(enforcementCase.number, `AJ${year}-%`)))
    .orderBy(desc(sql`length(${enforcementCase.number})`), desc(enforcementCase.number))
    .limit(1);
  const sequence = await nextInSeries(db, districtCode, `AJ${year}`, last ? Number(last.number.slice(7)) : 0);
  return `AJ${year}-${String(sequence).padStart(4, '0')}`;
}

async function penaltiesOf(db: Tx, row: CaseRow) {
  return db
    .select({ kind: casePenalty.kind, amountFen: casePenalty.amountFen })
    .from(casePenalty)
    .where(and(eq(casePenalty.districtCode, row.districtCode), eq(casePenalty.caseId, row.id)));
}

/** Recomputes what follows from a case's facts: the current deadline, the major-case flag, the publication due. */
async function settle(ctx: ActorContext, tx: Tx, row: CaseRow, calendar: HolidayCalendar): Promise<CaseRow> {
  const penalties = await penaltiesOf(tx, row);
  const criteria = criteriaInForce(await loadMajorCriteria(tx, row.districtCode), row.filedOn ?? row.leadOn);
  const reasons = majorCaseReasons(criteria, { penalties, isPoliceTransferred: row.policeTransferredOn !== null });
  const kinds = penalties.map((penalty) => penalty.kind as PenaltyKind);
  const publication = row.decidedOn ? publicationDue(row.decidedOn, kinds, calendar) : null;
  const [current] = openCaseSteps({ ...row, publicationDue: publication });
  const [updated] = await tx
    .update(enforcementCase)
    .set({
      isMajor: reasons.length > 0,
      majorReasons: reasons,
      publicationDue: publication,
      currentStep: current?.step ?? null,
      currentDue: current?.due ?? null,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, row.id)))
    .returning();
  return updated as CaseRow;
}

async function recordStep(ctx: ActorContext, tx: Tx, row: CaseRow, action: string, onDate: string, note = '') {
  await tx.insert(caseStep).values({
    districtCode: row.districtCode,
    caseId: row.id,
    action,
    onDate,
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    note,
  });
}

/**
 * Opens a case at the lead stage (线索): from a report, an inspection, a failed sample, a data comparison,
 * a transfer or directly. The party is a registered entity in the actor's scope, or a name and street.
 * Other modules call this inside their own transaction (pass `{...ctx, db: tx}`).
 */
export async function openCase(ctx: ActorContext, input: OpenCaseBody): Promise<CaseRow> {
  const today = todayInChina(ctx.clock.now());
  checkStepDate('leadOn', input.leadOn, today, null);
  let party: { name: string; streetCode: string; industry: string | null; districtCode: string; entityId: number | null };
  if (input.entityId !== undefined) {
    const found = await findEntityForModule(ctx, input.entityId);
    party = {
      name: found.name,
      streetCode: found.streetCode,
      industry: found.industryCode,
      districtCode: found.districtCode,
      entityId: found.id,
    };
  } else {
    if (!input.partyName) badField('partyName', { 'zh-CN': '未选择登记主体时必填', en: 'is required when no registered entity is chosen' });
    if (!input.streetCode)
      badField('streetCode', { 'zh-CN': '未选择登记主体时必填', en: 'is required when no registered entity is chosen' });
    party = { name: input.partyName, streetCode: input.streetCode, industry: null, districtCode: ctx.actor.districtCode, entityId: null };
  }
  const stationId = await stationOfStreet(ctx.db, party.districtCode, party.streetCode);
  if (stationId === undefined) badField('streetCode', { 'zh-CN': '该街道不属于本辖区', en: 'is not a street of this district' });
  const calendar = await loadHolidayCalendar(ctx.db, party.districtCode);
  return ctx.db.transaction(async (tx) => {
    const due = filingDue(input.leadOn, false, calendar);
    const [created] = await tx
      .insert(enforcementCase)
      .values({
        districtCode: party.districtCode,
        number: await nextCaseNumber(tx, party.districtCode, input.leadOn.slice(0, 4)),
        title: input.title,
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        entityId: party.entityId,
        partyName: party.name,
        partyIndustry: party.industry,
        streetCode: party.streetCode,
        stationId,
        violationType: input.violationType,
        facts: input.facts ?? '',
        stage: 'lead',
        leadOn: input.leadOn,
        filingDue: due,
        currentStep: 'file',
        currentDue: due,
        handlerUserId: ctx.actor.userId,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    const row = created as CaseRow;
    const txCtx = { ...ctx, db: tx };
    await recordStep(ctx, tx, row, 'lead', input.leadOn, input.source);
    await writeAudit(txCtx, {
      action: 'case.open',
      objectType: 'enforcement_case',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: { number: row.number, source: row.source, entityId: row.entityId },
    });
    return row;
  });
}

const stageDateField: Partial<Record<CaseStage, keyof CaseRow>> = {
  filed: 'filedOn',
  investigating: 'investigatedOn',
  notified: 'notifiedOn',
  decided: 'decidedOn',
  executed: 'executedOn',
  closed: 'closedOn',
};

const lastStageDate = (row: CaseRow) =>
  row.closedOn ?? row.executedOn ?? row.decidedOn ?? row.notifiedOn ?? row.investigatedOn ?? row.filedOn ?? row.leadOn;

const timelineTitles: Partial<Record<CaseStage, { zh: string; en: string }>> = {
  filed: { zh: '立案', en: 'Case filed' },
  decided: { zh: '作出行政处罚决定', en: 'Penalty decision' },
  closed: { zh: '结案', en: 'Case closed' },
};

/** Moves a case one step on (立案 → 调查取证 → 告知 → 决定 → 执行 → 结案, or 不予立案 from a lead). */
export async function advanceCase(ctx: ActorContext, id: number, input: AdvanceCaseBody): Promise<CaseRow> {
  const today = todayInChina(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findCaseInScope(txCtx, id, { forUpdate: true });
    if (!canAdvance(row.stage, input.to)) throw stageNotAllowed({ from: row.stage, to: input.to });
    checkStepDate('on', input.on, today, lastStageDate(row));
    const patch: Partial<CaseRow> = { stage: input.to };
    if (input.to === 'not_filed') {
      if (!input.notFiledGround) badField('notFiledGround', { 'zh-CN': '不予立案须说明理由', en: 'is required to drop a lead' });
      patch.notFiledGround = input.notFiledGround;
      patch.closedOn = input.on;
    } else {
      (patch as Record<string, unknown>)[stageDateField[input.to] as string] = input.on;
    }
    if (input.to === 'filed') patch.decisionDue = decisionDue(input.on, false);
    if (input.to === 'decided') {
      if (!input.decisionNumber) badField('decisionNumber', { 'zh-CN': '作出决定须填写决定书文号', en: 'is required for a decision' });
      patch.decisionNumber = input.decisionNumber;
      if (!input.legalBasis && !row.legalBasis)
        badField('legalBasis', { 'zh-CN': '作出决定须写明法律依据', en: 'is required for a decision: the articles applied' });
    }
    if (input.legalBasis && (input.to === 'notified' || input.to === 'decided')) patch.legalBasis = input.legalBasis;
    await tx
      .update(enforcementCase)
      .set(patch)
      .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, row.id)));
    const settled = await settle(ctx, tx, { ...row, ...patch } as CaseRow, calendar);
    await recordStep(ctx, tx, settled, input.to, input.on, input.note ?? '');
    const title = timelineTitles[input.to];
    if (title && settled.entityId !== null) {
      await addTimelineEvent(txCtx, {
        entityId: settled.entityId,
        districtCode: settled.districtCode,
        kind: `case.${input.to}`,
        at: chinaInstant(input.on, '12:00:00'),
        title: { zh: `${title.zh}（${settled.number}）`, en: `${title.en} (${settled.number})` },
        refType: 'enforcement_case',
        refId: settled.id,
      });
    }
    await writeAudit(txCtx, {
      action: `case.${input.to}`,
      objectType: 'enforcement_case',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: { from: row.stage, to: input.to, on: input.on },
    });
    await keepCaseDocuments(txCtx, row.id);
    return settled;
  });
}

/** Uses the one extension the procedure allows: +15 working days to file, +30 days to decide. */
export async function extendCaseDeadline(ctx: ActorContext, id: number, input: ExtendCaseBody): Promise<CaseRow> {
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findCaseInScope(txCtx, id, { forUpdate: true });
    const patch: Partial<CaseRow> = {};
    if (input.deadline === 'filing') {
      if (row.stage !== 'lead') throw extensionNotApplicable();
      if (row.filingExtended) throw alreadyExtended();
      Object.assign(patch, { filingExtended: true, filingDue: filingDue(row.leadOn, true, calendar) });
    } else {
      if (!['filed', 'investigating', 'notified'].includes(row.stage) || !row.filedOn) throw extensionNotApplicable();
      if (row.decisionExtended) throw alreadyExtended();
      Object.assign(patch, { decisionExtended: true, decisionDue: decisionDue(row.filedOn, true) });
    }
    await tx
      .update(enforcementCase)
      .set(patch)
      .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, row.id)));
    const settled = await settle(ctx, tx, { ...row, ...patch } as CaseRow, calendar);
    await recordStep(ctx, tx, settled, `extend_${input.deadline}`, todayInChina(ctx.clock.now()), input.reason);
    await writeAudit(txCtx, {
      action: 'case.extend',
      objectType: 'enforcement_case',
      objectId: row.id,
      districtCode: row.districtCode,
      reason: input.reason,
      detail: { deadline: input.deadline },
    });
    return settled;
  });
}

/** Records the penalties of the decision (replacing earlier ones): fines and confiscations in exact fen. */
export async function setCasePenalties(ctx: ActorContext, id: number, input: PenaltiesBody): Promise<CaseRow> {
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  input.items.forEach((item, index) => {
    const isMonetary = item.kind === 'fine' || item.kind === 'confiscation_income' || item.kind === 'confiscation_property';
    if (!isMonetary && parseYuan(item.amount) !== 0n) {
      badField(`items.${index}.amount`, { 'zh-CN': '非罚没类处罚金额应为 0', en: 'must be 0 for a penalty that is not money' });
    }
  });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findCaseInScope(txCtx, id, { forUpdate: true });
    if (row.stage !== 'notified' && row.stage !== 'decided') throw penaltiesLocked();
    await tx.delete(casePenalty).where(and(eq(casePenalty.districtCode, row.districtCode), eq(casePenalty.caseId, row.id)));
    if (input.items.length) {
      await tx.insert(casePenalty).values(
        input.items.map((item) => ({
          districtCode: row.districtCode,
          caseId: row.id,
          kind: item.kind,
          amountFen: parseYuan(item.amount),
          note: item.note ?? '',
        })),
      );
    }
    const settled = await settle(ctx, tx, row, calendar);
    await writeAudit(txCtx, {
      action: 'case.penalties',
      objectType: 'enforcement_case',
      objectId: row.id,
      districtCode: row.districtCode,
      detail: { items: input.items.map((item) => ({ kind: item.kind, amount: formatYuan(parseYuan(item.amount)) })) },
    });
    return settled;
  });
}

/** Records publication on the credit information system (Order 45). */
export async function publishCase(ctx: ActorContext, id: number, input: DatedNoteBody): Promise<CaseRow> {
  const today = todayInChina(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findCaseInScope(txCtx, id, { forUpdate: true });
    const kinds = (await penaltiesOf(tx, row)).map((penalty) => penalty.kind as PenaltyKind);
    if (!row.decidedOn || !requiresPublication(kinds) || row.publishedOn) throw nothingToPublish();
    checkStepDate('on', input.on, today, row.decidedOn);
    await tx
      .update(enforcementCase)
      .set({ publishedOn: input.on })
      .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, row.id)));
    const settled = await settle(ctx, tx, { ...row, publishedOn: input.on }, calendar);
    await recordStep(ctx, tx, settled, 'published', input.on, input.note ?? '');
    await writeAudit(txCtx, { action: 'case.publish', objectType: 'enforcement_case', objectId: row.id, districtCode: row.districtCode });
    return settled;
  });
}

/** Records the transfer of a suspected crime to the police (涉嫌犯罪案件移送). */
export async function transferCaseToPolice(ctx: ActorContext, id: number, input: DatedNoteBody): Promise<CaseRow> {
  const today = todayInChina(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await findCaseInScope(txCtx, id, { forUpdate: true });
    checkStepDate('on', input.on, today, row.leadOn);
    const patch = { policeTransferredOn: input.on, policeTransferNote: input.note ?? '' };
    await tx
      .update(enforcementCase)
      .set(patch)
      .where(and(eq(enforcementCase.districtCode, row.districtCode), eq(enforcementCase.id, row.id)));
    const settled = await settle(ctx, tx, { ...row, ...patch }, calendar);
    await recordStep(ctx, tx, settled, 'police_transfer', input.on, input.note ?? '');
    await writeAudit(txCtx, {
      action: 'case.police_transfer',
      objectType: 'enforcement_case',
      objectId: row.id,
      districtCode: row.districtCode,
    });
    await keepCaseDocuments(txCtx, row.id);
    return settled;
  });
}

/** Section staff set the major-case criteria from a date on (the bureau's own setting). */
export async function setMajorCriteria(ctx: ActorContext, input: MajorCriteriaBody) {
  const threshold = parseYuan(input.amountThreshold);
  if (threshold <= 0n) badField('amountThreshold', { 'zh-CN': '必须大于 0', en: 'must be greater than 0' });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(majorCaseCriteria)
      .values({
        districtCode: ctx.actor.districtCode,
        effectiveFrom: input.effectiveFrom,
        amountThresholdFen: threshold,
        policeTransferIsMajor: input.policeTransferIsMajor,
        licenceRevocationIsMajor: input.licenceRevocationIsMajor,
        note: input.note ?? '',
        createdBy: ctx.actor.userId,
      })
      .onConflictDoUpdate({
        target: [majorCaseCriteria.districtCode, majorCaseCriteria.effectiveFrom],
        set: {
          amountThresholdFen: threshold,
          policeTransferIsMajor: input.policeTransferIsMajor,
          licenceRevocationIsMajor: input.licenceRevocationIsMajor,
          note: input.note ?? '',
        },
      });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'case.major_criteria', objectType: 'major_case_criteria', objectId: input.effectiveFrom, detail: { ...input } },
    );
  });
}
