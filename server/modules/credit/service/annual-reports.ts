import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { queueSms } from '../../../platform/sms/sms.service.ts';
import { entityContactPhones, entityFilingFacts, findEntityForModule } from '../../registry/index.ts';
import { annualReportNotDue, paperNotAllowed } from '../credit.errors.ts';
import type { AnnualReportQuery, AnnualReportView, FilingInput, FilingRateView, ObligedKind, ReminderResult } from '../credit.schemas.ts';
import { creditAnnualReport } from '../credit.tables.ts';
import { annualReportRulesFor, filingDeadline, filingRate, filingState, mustFile } from '../rules/annual-report-rules.ts';

type ReportRow = typeof creditAnnualReport.$inferSelect;

export const reportView = (row: ReportRow, today: string): AnnualReportView => ({
  id: row.id,
  entityId: row.entityId,
  entityName: row.entityName,
  creditCode: row.creditCode,
  entityKind: row.entityKind,
  streetCode: row.streetCode,
  reportYear: row.reportYear,
  deadline: row.deadline,
  filedOn: row.filedOn,
  channel: row.channel,
  state: filingState(row, today),
  reminderCount: row.reminderCount,
  remindedOn: row.remindedOn,
});

export const reportScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, {
    district: creditAnnualReport.districtCode,
    street: creditAnnualReport.streetCode,
    entity: creditAnnualReport.entityId,
  });

/** Rows a statement: one array parameter a column (db/rows-insert.ts), so the batch can be large. */
const batchSize = 20_000;

/**
 * Opens `reportYear`'s filing for a district: one row per entity that must file (rules/annual-report-rules.ts#mustFile),
 * not yet filed. Idempotent (an entity registered later with an earlier founding date is added by the next run).
 */
export async function openFilingYear(ctx: ServiceContext, districtCode: string, reportYear: number): Promise<number> {
  const facts = (await entityFilingFacts(ctx, districtCode)).filter((entity) => mustFile(entity, reportYear));
  const deadline = filingDeadline(reportYear);
  let created = 0;
  for (let start = 0; start < facts.length; start += batchSize) {
    const rows = facts.slice(start, start + batchSize).map((entity) => ({
      districtCode,
      entityId: entity.id,
      entityName: entity.name,
      creditCode: entity.creditCode,
      entityKind: entity.kind,
      streetCode: entity.streetCode,
      reportYear,
      deadline,
    }));
    const inserted = await insertRows(ctx.db, creditAnnualReport, rows, {
      onConflictDoNothing: ['district_code', 'entity_id', 'report_year'],
      returning: ['id'],
    });
    created += inserted.length;
  }
  return created;
}

export async function listAnnualReports(ctx: ActorContext, query: AnnualReportQuery) {
  const where = and(
    reportScope(ctx),
    eq(creditAnnualReport.reportYear, query.reportYear),
    query.filing === 'filed'
      ? isNotNull(creditAnnualReport.filedOn)
      : query.filing === 'not_filed'
        ? isNull(creditAnnualReport.filedOn)
        : undefined,
    query.kind ? eq(creditAnnualReport.entityKind, query.kind) : undefined,
    query.streetCode ? eq(creditAnnualReport.streetCode, query.streetCode) : undefined,
    query.entityId ? eq(creditAnnualReport.entityId, query.entityId) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(creditAnnualReport)
    .where(where)
    .orderBy(asc(creditAnnualReport.streetCode), asc(creditAnnualReport.entityId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const today = todayInChina(ctx.clock.now());
  return { items: rows.map((row) => reportView(row, today)), total: (await ctx.db.$count(creditAnnualReport, where)) as number };
}

/** An entity's reports, newest year first (the entity's credit page, removal checks). */
export async function entityReports(ctx: ServiceContext, districtCode: string, entityId: number): Promise<ReportRow[]> {
  return ctx.db
    .select()
    .from(creditAnnualReport)
    .where(and(eq(creditAnnualReport.districtCode, districtCode), eq(creditAnnualReport.entityId, entityId)))
    .orderBy(desc(creditAnnualReport.reportYear));
}

/**
 * Records that an entity filed its report: the operator for their own business (online), staff for a paper report
 * received at the station (individual businesses only, 《个体工商户年度报告办法》第五条) or from the registration
 * system. A report already on file keeps its first filing day.
 */
export async function recordFiling(ctx: ActorContext, body: FilingInput): Promise<AnnualReportView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  const today = todayInChina(ctx.clock.now());
  const fieldErrors = [];
  if (body.filedOn > today)
    fieldErrors.push({
      in: 'body',
      field: 'filedOn',
      code: 'future',
      message: { 'zh-CN': '报送日期不能晚于今天', en: 'cannot be after today' },
    });
  if (body.filedOn < `${body.reportYear + 1}-01-01`)
    fieldErrors.push({
      in: 'body',
      field: 'filedOn',
      code: 'before_window',
      message: { 'zh-CN': '报送日期早于报送期（次年1月1日起）', en: 'before the filing window (from 1 January of the next year)' },
    });
  if (fieldErrors.length) throw invalidRequest({}, fieldErrors);
  if (body.channel === 'paper' && !annualReportRulesFor(body.reportYear).paperAllowedFor.includes(entity.kind)) throw paperNotAllowed();
  const [facts] = await entityFilingFacts(ctx, entity.districtCode, { entityIds: [entity.id] });
  if (!facts || !mustFile(facts, body.reportYear)) throw annualReportNotDue({ reportYear: body.reportYear });
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(creditAnnualReport)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        entityName: entity.name,
        creditCode: entity.creditCode,
        entityKind: entity.kind,
        streetCode: entity.streetCode,
        reportYear: body.reportYear,
        deadline: filingDeadline(body.reportYear),
      })
      .onConflictDoNothing();
    const [row] = await tx
      .update(creditAnnualReport)
      .set({ filedOn: body.filedOn, channel: body.channel, recordedBy: ctx.actor.userId, updatedAt: ctx.clock.now() })
      .where(
        and(
          eq(creditAnnualReport.districtCode, entity.districtCode),
          eq(creditAnnualReport.entityId, entity.id),
          eq(creditAnnualReport.reportYear, body.reportYear),
          or(isNull(creditAnnualReport.filedOn), lt(sql`${body.filedOn}::date`, creditAnnualReport.filedOn)),
        ),
      )
      .returning();
    const current =
      row ??
      (
        await tx
          .select()
          .from(creditAnnualReport)
          .where(
            and(
              eq(creditAnnualReport.districtCode, entity.districtCode),
              eq(creditAnnualReport.entityId, entity.id),
              eq(creditAnnualReport.reportYear, body.reportYear),
            ),
          )
      )[0];
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.annual_report.file',
        objectType: 'credit_annual_report',
        objectId: current?.id,
        detail: { entityId: entity.id, reportYear: body.reportYear, filedOn: body.filedOn, channel: body.channel },
      },
    );
    return reportView(current as ReportRow, today);
  });
}

interface RateAggregate {
  key: string;
  label: string | null;
  obliged: number;
  filed: number;
  on_time: number;
}

/** Filing rate of a report year in the actor's scope: in total, by kind and by street (filed / obliged). */
export async function filingRates(ctx: ActorContext, reportYear: number): Promise<FilingRateView> {
  const aggregate = (key: ReturnType<typeof sql>, label: ReturnType<typeof sql>) =>
    queryRows<RateAggregate>(
      ctx.db,
      sql`select ${key} as key, ${label} as label, count(*)::int as obliged, count(credit_annual_report.filed_on)::int as filed,
            (count(*) filter (where credit_annual_report.filed_on <= credit_annual_report.deadline))::int as on_time
          from credit_annual_report
          left join street s on s.district_code = credit_annual_report.district_code and s.code = credit_annual_report.street_code
          where ${reportScope(ctx)} and credit_annual_report.report_year = ${reportYear}
          group by 1, 2 order by 1`,
    );
  const row = (item: RateAggregate) => ({
    key: item.key,
    label: item.label ?? item.key,
    obliged: item.obliged,
    filed: item.filed,
    filedOnTime: item.on_time,
    rate: filingRate(item.filed, item.obliged),
  });
  const [total] = await aggregate(sql`'total'`, sql`null::text`);
  const kindLabels: Record<ObligedKind, string> = { enterprise: '企业', individual: '个体工商户' };
  const byKind = (await aggregate(sql`credit_annual_report.entity_kind`, sql`null::text`)).map((item) => ({
    ...row(item),
    label: kindLabels[item.key as ObligedKind] ?? item.key,
  }));
  const byStreet = (await aggregate(sql`credit_annual_report.street_code`, sql`s.name`)).map(row);
  const rules = annualReportRulesFor(reportYear);
  return {
    reportYear,
    deadline: filingDeadline(reportYear),
    citation: rules.citation,
    total: row(total ?? { key: 'total', label: null, obliged: 0, filed: 0, on_time: 0 }),
    byKind,
    byStreet,
  };
}

/** The reminder text (no personal data: the entity's own name, the year and the deadline). */
export function reminderText(entityName: string, reportYear: number, deadline: string): string {
  return `【市场监管】${entityName}：请于${deadline}前通过国家企业信用信息公示系统报送${reportYear}年度报告，逾期将被列入经营异常名录（个体工商户标记为经营异常状态）。`;
}

/**
 * Queues an SMS reminder to every non-filer of `reportYear` in scope that has a registered phone and was not
 * reminded today, and counts the reminder on its report row — in one transaction.
 */
export async function remindNonFilers(
  ctx: ServiceContext,
  districtCode: string,
  reportYear: number,
  scope?: ReturnType<typeof reportScope>,
): Promise<ReminderResult> {
  const today = todayInChina(ctx.clock.now());
  const rows = await ctx.db
    .select()
    .from(creditAnnualReport)
    .where(
      and(
        eq(creditAnnualReport.districtCode, districtCode),
        scope,
        eq(creditAnnualReport.reportYear, reportYear),
        isNull(creditAnnualReport.filedOn),
      ),
    );
  const alreadyToday = rows.filter((row) => row.remindedOn === today).length;
  const due = rows.filter((row) => row.remindedOn !== today);
  const phones = await entityContactPhones(
    ctx,
    districtCode,
    due.map((row) => row.entityId),
  );
  const reachable = due.filter((row) => phones.has(row.entityId));
  await ctx.db.transaction(async (tx) => {
    for (const row of reachable) {
      await queueSms(
        { ...ctx, db: tx },
        {
          districtCode,
          phone: phones.get(row.entityId) as string,
          body: reminderText(row.entityName, reportYear, row.deadline),
          purpose: 'credit.annual_report.reminder',
          refType: 'credit_annual_report',
          refId: row.id,
        },
      );
      await tx
        .update(creditAnnualReport)
        .set({ reminderCount: sql`${creditAnnualReport.reminderCount} + 1`, remindedOn: today })
        .where(and(eq(creditAnnualReport.districtCode, districtCode), eq(creditAnnualReport.id, row.id)));
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.annual_report.remind',
        districtCode,
        objectType: 'credit_annual_report',
        detail: { reportYear, queued: reachable.length, withoutPhone: due.length - reachable.length },
      },
    );
  });
  return { queued: reachable.length, withoutPhone: due.length - reachable.length, alreadyToday };
}

/** Staff send the reminders of a report year to the non-filers they see. */
export function remindInScope(ctx: ActorContext, reportYear: number): Promise<ReminderResult> {
  return remindNonFilers(ctx, ctx.actor.districtCode, reportYear, reportScope(ctx));
}
