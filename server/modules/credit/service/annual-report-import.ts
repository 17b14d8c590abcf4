import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { parseTypedDate } from '../../../../shared/typed-date.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { readSpreadsheet } from '../../../platform/spreadsheets/read.ts';
import type { SpreadsheetKind } from '../../../platform/spreadsheets/upload.ts';
import { importAlreadyCommitted, importNotFound } from '../credit.errors.ts';
import type { ImportBatchView, ImportResult } from '../credit.schemas.ts';
import { creditAnnualReport, creditFilingImport, type FilingImportPlanItem } from '../credit.tables.ts';
import { reportScope } from './annual-reports.ts';

/** Headers the registration system's extract uses (and their English forms). */
const codeHeaders = ['统一社会信用代码', '信用代码', '社会信用代码', 'credit code', 'creditcode'];
const dateHeaders = ['报送日期', '年报日期', '公示日期', 'filed on', 'filedon', 'filing date'];

const pick = (headers: string[], wanted: string[]) => headers.find((header) => wanted.includes(header.trim().toLowerCase()));

/**
 * The dry run of a filing import from the registration system's extract (xlsx or csv: one row per filed report, the
 * credit code and the filing day): every row is checked and planned — filed, unchanged (already on file as early),
 * or rejected with its row number, column and reason — and the plan is stored without touching a report. Commit
 * applies exactly the plan. Only reports in the actor's scope are planned; a report already on file keeps its first
 * filing day.
 */
export async function dryRunFilingImport(
  ctx: ActorContext,
  input: { file: Buffer; kind: SpreadsheetKind; filename: string; reportYear: number },
): Promise<ImportBatchView> {
  const sheet = await readSpreadsheet(input.file, input.kind);
  const planned = await planRows(ctx, sheet, input.reportYear);
  const [batch] = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(creditFilingImport)
      .values({
        districtCode: ctx.actor.districtCode,
        reportYear: input.reportYear,
        filename: input.filename,
        rowCount: planned.rows,
        filedCount: planned.plan.length,
        unchangedCount: planned.unchanged,
        rejectedCount: planned.rejected,
        plan: planned.plan,
        errors: planned.errors,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.annual_report.import_dry_run',
        objectType: 'credit_filing_import',
        objectId: inserted[0]?.id,
        detail: {
          filename: input.filename,
          reportYear: input.reportYear,
          rows: planned.rows,
          filed: planned.plan.length,
          rejected: planned.rejected,
        },
      },
    );
    return inserted;
  });
  return batchView(batch as BatchRow);
}

type BatchRow = typeof creditFilingImport.$inferSelect;

const batchView = (row: BatchRow, skipped?: number): ImportBatchView => ({
  id: row.id,
  reportYear: row.reportYear,
  filename: row.filename,
  status: row.status,
  rows: row.rowCount,
  filed: row.filedCount,
  unchanged: row.unchangedCount,
  rejected: row.rejectedCount,
  plan: row.plan.map(({ rowNumber, creditCode, filedOn }) => ({ rowNumber, creditCode, filedOn })),
  errors: row.errors,
  createdAt: row.createdAt.toISOString(),
  committedAt: row.committedAt ? row.committedAt.toISOString() : null,
  ...(skipped === undefined ? {} : { skipped }),
});

const batchScope = (ctx: ActorContext) => scopeWhere(ctx.actor, { district: creditFilingImport.districtCode });

async function batchRow(ctx: ActorContext, id: number): Promise<BatchRow> {
  const [row] = await ctx.db
    .select()
    .from(creditFilingImport)
    .where(and(batchScope(ctx), eq(creditFilingImport.id, id)));
  if (!row) throw importNotFound();
  return row;
}

export async function getFilingImport(ctx: ActorContext, id: number): Promise<ImportBatchView> {
  return batchView(await batchRow(ctx, id));
}

/**
 * Applies exactly the stored plan in one transaction, audited. A report filed earlier meanwhile (another import, the
 * operator, a station) keeps its earlier day: that row is skipped and counted, never moved later.
 */
export async function commitFilingImport(ctx: ActorContext, id: number): Promise<ImportBatchView> {
  const batch = await batchRow(ctx, id);
  if (batch.status !== 'dry_run') throw importAlreadyCommitted();
  return ctx.db.transaction(async (tx) => {
    // Only one commit of a batch: the status moves first, guarded by its old value.
    const [claimed] = await tx
      .update(creditFilingImport)
      .set({ status: 'committed', committedAt: ctx.clock.now() })
      .where(
        and(
          eq(creditFilingImport.districtCode, batch.districtCode),
          eq(creditFilingImport.id, id),
          eq(creditFilingImport.status, 'dry_run'),
        ),
      )
      .returning();
    if (!claimed) throw importAlreadyCommitted();
    let applied = 0;
    for (const item of batch.plan) {
      const updated = await tx
        .update(creditAnnualReport)
        .set({ filedOn: item.filedOn, channel: 'import', recordedBy: ctx.actor.userId, updatedAt: ctx.clock.now() })
        .where(
          and(
            eq(creditAnnualReport.districtCode, batch.districtCode),
            eq(creditAnnualReport.id, item.reportId),
            or(isNull(creditAnnualReport.filedOn), sql`${creditAnnualReport.filedOn} > ${item.filedOn}::date`),
          ),
        )
        .returning({ id: creditAnnualReport.id });
      applied += updated.length;
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.annual_report.import',
        objectType: 'credit_filing_import',
        objectId: id,
        detail: { filename: batch.filename, reportYear: batch.reportYear, filed: applied, skipped: batch.plan.length - applied },
      },
    );
    return batchView(claimed, batch.plan.length - applied);
  });
}

/** Checks every row of the extract against the reports due in the actor's scope: the plan and the rejected rows. */
async function planRows(
  ctx: ActorContext,
  sheet: Awaited<ReturnType<typeof readSpreadsheet>>,
  reportYear: number,
): Promise<{ rows: number; plan: FilingImportPlanItem[]; unchanged: number; rejected: number; errors: ImportResult['errors'] }> {
  const codeHeader = pick(sheet.headers, codeHeaders);
  const dateHeader = pick(sheet.headers, dateHeaders);
  const errors: ImportResult['errors'] = [];
  if (!codeHeader || !dateHeader) {
    const missing = !codeHeader ? '统一社会信用代码' : '报送日期';
    return {
      rows: sheet.rows.length,
      plan: [],
      unchanged: 0,
      rejected: sheet.rows.length,
      errors: [{ rowNumber: 1, field: missing, message: `缺少列 / missing column: ${missing}` }],
    };
  }
  const today = todayInChina(ctx.clock.now());
  const codes = [...new Set(sheet.rows.map((row) => (row.cells[codeHeader] ?? '').trim().toUpperCase()).filter(Boolean))];
  const reports = codes.length
    ? await ctx.db
        .select()
        .from(creditAnnualReport)
        .where(and(reportScope(ctx), eq(creditAnnualReport.reportYear, reportYear), inArray(creditAnnualReport.creditCode, codes)))
    : [];
  const byCode = new Map(reports.map((report) => [report.creditCode, report]));
  const seen = new Set<string>();
  const plan: FilingImportPlanItem[] = [];
  let unchanged = 0;
  for (const row of sheet.rows) {
    const code = (row.cells[codeHeader] ?? '').trim().toUpperCase();
    const filedOn = parseTypedDate((row.cells[dateHeader] ?? '').trim());
    const problems: { field: string; message: string }[] = [];
    if (!code) problems.push({ field: codeHeader, message: '必填 / required' });
    else if (seen.has(code)) problems.push({ field: codeHeader, message: '文件中重复 / repeated in the file' });
    else if (!byCode.has(code))
      problems.push({ field: codeHeader, message: `本辖区无须报送${reportYear}年度报告的主体 / no ${reportYear} report due in your area` });
    if (!filedOn) problems.push({ field: dateHeader, message: '不是有效日期 / not a date' });
    else if (filedOn > today) problems.push({ field: dateHeader, message: '晚于今天 / after today' });
    else if (filedOn < `${reportYear + 1}-01-01`) problems.push({ field: dateHeader, message: '早于报送期 / before the filing window' });
    if (code) seen.add(code);
    if (problems.length) {
      for (const problem of problems) errors.push({ rowNumber: row.rowNumber, ...problem });
      continue;
    }
    const report = byCode.get(code);
    if (!report || !filedOn) continue;
    if (report.filedOn !== null && report.filedOn <= filedOn) unchanged += 1;
    else plan.push({ reportId: report.id, rowNumber: row.rowNumber, creditCode: code, filedOn });
  }
  return { rows: sheet.rows.length, plan, unchanged, rejected: new Set(errors.map((error) => error.rowNumber)).size, errors };
}
