import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { parseTypedDate } from '../../../../shared/typed-date.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { readSpreadsheet, type SpreadsheetKind } from '../../registry/index.ts';
import type { ImportResult } from '../credit.schemas.ts';
import { creditAnnualReport } from '../credit.tables.ts';
import { reportScope } from './annual-reports.ts';

/** Headers the registration system's extract uses (and their English forms). */
const codeHeaders = ['统一社会信用代码', '信用代码', '社会信用代码', 'credit code', 'creditcode'];
const dateHeaders = ['报送日期', '年报日期', '公示日期', 'filed on', 'filedon', 'filing date'];

const pick = (headers: string[], wanted: string[]) => headers.find((header) => wanted.includes(header.trim().toLowerCase()));

/**
 * Imports the filing status of a report year from the registration system's extract (xlsx or csv: one row per
 * filed report, the credit code and the filing day). Every row is checked; the good rows are applied in one
 * transaction, each bad row comes back with its row number and the reason. Only reports in the actor's scope are
 * touched; a report already on file keeps its first filing day.
 */
export async function importFilings(
  ctx: ActorContext,
  input: { file: Buffer; kind: SpreadsheetKind; filename: string; reportYear: number },
): Promise<ImportResult> {
  const sheet = await readSpreadsheet(input.file, input.kind);
  const codeHeader = pick(sheet.headers, codeHeaders);
  const dateHeader = pick(sheet.headers, dateHeaders);
  const errors: ImportResult['errors'] = [];
  if (!codeHeader || !dateHeader) {
    return {
      rows: sheet.rows.length,
      filed: 0,
      unchanged: 0,
      rejected: sheet.rows.length,
      errors: [
        {
          rowNumber: 1,
          field: !codeHeader ? '统一社会信用代码' : '报送日期',
          message: `缺少列 / missing column: ${!codeHeader ? '统一社会信用代码' : '报送日期'}`,
        },
      ],
    };
  }
  const today = todayInChina(ctx.clock.now());
  const codes = [...new Set(sheet.rows.map((row) => (row.cells[codeHeader] ?? '').trim().toUpperCase()).filter(Boolean))];
  const reports = codes.length
    ? await ctx.db
        .select()
        .from(creditAnnualReport)
        .where(and(reportScope(ctx), eq(creditAnnualReport.reportYear, input.reportYear), inArray(creditAnnualReport.creditCode, codes)))
    : [];
  const byCode = new Map(reports.map((report) => [report.creditCode, report]));
  const seen = new Set<string>();
  const accepted: { id: number; filedOn: string; districtCode: string }[] = [];
  let unchanged = 0;
  for (const row of sheet.rows) {
    const code = (row.cells[codeHeader] ?? '').trim().toUpperCase();
    const dateText = (row.cells[dateHeader] ?? '').trim();
    const filedOn = parseTypedDate(dateText);
    const problems: { field: string; message: string }[] = [];
    if (!code) problems.push({ field: codeHeader, message: '必填 / required' });
    else if (seen.has(code)) problems.push({ field: codeHeader, message: '文件中重复 / repeated in the file' });
    else if (!byCode.has(code))
      problems.push({
        field: codeHeader,
        message: `本辖区无须报送${input.reportYear}年度报告的主体 / no ${input.reportYear} report due in your area`,
      });
    if (!filedOn) problems.push({ field: dateHeader, message: '不是有效日期 / not a date' });
    else if (filedOn > today) problems.push({ field: dateHeader, message: '晚于今天 / after today' });
    else if (filedOn < `${input.reportYear + 1}-01-01`)
      problems.push({ field: dateHeader, message: '早于报送期 / before the filing window' });
    if (code) seen.add(code);
    if (problems.length) {
      for (const problem of problems) errors.push({ rowNumber: row.rowNumber, ...problem });
      continue;
    }
    const report = byCode.get(code);
    if (!report || !filedOn) continue;
    if (report.filedOn !== null && report.filedOn <= filedOn) unchanged += 1;
    else accepted.push({ id: report.id, filedOn, districtCode: report.districtCode });
  }
  await ctx.db.transaction(async (tx) => {
    for (const item of accepted) {
      await tx
        .update(creditAnnualReport)
        .set({ filedOn: item.filedOn, channel: 'import', recordedBy: ctx.actor.userId, updatedAt: ctx.clock.now() })
        .where(
          and(
            eq(creditAnnualReport.districtCode, item.districtCode),
            eq(creditAnnualReport.id, item.id),
            or(isNull(creditAnnualReport.filedOn), sql`${creditAnnualReport.filedOn} > ${item.filedOn}::date`),
          ),
        );
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.annual_report.import',
        objectType: 'credit_annual_report',
        detail: {
          filename: input.filename,
          reportYear: input.reportYear,
          rows: sheet.rows.length,
          filed: accepted.length,
          rejected: errors.length,
        },
      },
    );
  });
  const rejectedRows = new Set(errors.map((error) => error.rowNumber)).size;
  return { rows: sheet.rows.length, filed: accepted.length, unchanged, rejected: rejectedRows, errors };
}
