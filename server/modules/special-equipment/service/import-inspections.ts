import { and, eq, inArray } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { isCalendarDate } from '../../../platform/http/input-guard.ts';
import { readFirstSheet, type SheetRow, UnreadableWorkbook } from '../../../platform/spreadsheets/xlsx.ts';
import type { InspectionResult } from '../rules/equipment-kinds.ts';
import { nextDueAfter } from '../rules/inspection-cycle.ts';
import { importInvalid } from '../special-equipment.errors.ts';
import { seEquipment, seInspection } from '../special-equipment.tables.ts';
import { cyclesOf } from './cycle-tables.ts';
import { equipmentScope } from './shared-views.ts';

/** The columns of the inspection body's result sheet, by their Chinese header. */
const columns = {
  registrationCode: '注册代码',
  inspectedOn: '检验日期',
  result: '检验结论',
  inspectionBody: '检验机构',
  reportNumber: '报告编号',
  note: '备注',
} as const;
type Column = keyof typeof columns;
const results: Record<string, InspectionResult> = { 合格: 'pass', 复检合格: 'pass_after_rectification', 不合格: 'fail' };
const maxRows = 5000;

/**
 * Periodic-inspection results from the inspection body's .xlsx — all or nothing: every bad cell is reported by row
 * and column, and nothing is written unless the whole file is good. Each row's equipment must be in the actor's scope.
 */
export async function importInspections(ctx: ActorContext, input: { fileBase64: string }): Promise<{ imported: number }> {
  const today = todayInChina(ctx.clock.now());
  const problems: FieldError[] = [];
  const problem = (row: number, field: string, zh: string, en: string) =>
    problems.push({ in: `row ${row}`, field, code: 'invalid', message: { 'zh-CN': `第 ${row} 行：${zh}`, en: `row ${row}: ${en}` } });
  let sheet: SheetRow[] | null;
  try {
    sheet = await readFirstSheet(Buffer.from(input.fileBase64, 'base64'));
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    throw importInvalid({}, [
      { in: 'body', field: 'fileBase64', code: 'invalid', message: { 'zh-CN': '不是有效的 xlsx 文件', en: 'Not a valid .xlsx file' } },
    ]);
  }
  if (!sheet)
    throw importInvalid({}, [
      { in: 'body', field: 'fileBase64', code: 'invalid', message: { 'zh-CN': '文件中没有工作表', en: 'The file has no sheet' } },
    ]);
  const header = new Map<Column, number>();
  (sheet.find((row) => row.rowNumber === 1)?.values ?? []).forEach((text, index) => {
    const key = (Object.keys(columns) as Column[]).find((candidate) => columns[candidate] === text);
    if (key) header.set(key, index);
  });
  for (const key of ['registrationCode', 'inspectedOn', 'result', 'inspectionBody', 'reportNumber'] as const)
    if (!header.has(key)) problem(1, key, `缺少“${columns[key]}”列`, `the column “${columns[key]}” is missing`);
  if (problems.length) throw importInvalid({}, problems);
  const rows: { row: number; cells: Record<Column, string> }[] = [];
  for (const { rowNumber, values } of sheet) {
    if (rowNumber === 1) continue;
    const cells = Object.fromEntries(
      (Object.keys(columns) as Column[]).map((key) => [key, header.has(key) ? (values[header.get(key) as number] ?? '') : '']),
    ) as Record<Column, string>;
    if (Object.values(cells).some((text) => text !== '')) rows.push({ row: rowNumber, cells });
  }
  if (rows.length === 0)
    throw importInvalid({}, [
      { in: 'body', field: 'fileBase64', code: 'invalid', message: { 'zh-CN': '文件中没有数据行', en: 'The file has no rows' } },
    ]);
  if (rows.length > maxRows)
    throw importInvalid({}, [
      {
        in: 'body',
        field: 'fileBase64',
        code: 'invalid',
        message: { 'zh-CN': `一次最多导入 ${maxRows} 行`, en: `at most ${maxRows} rows at once` },
      },
    ]);

  const codes = [...new Set(rows.map(({ cells }) => cells.registrationCode.toUpperCase()).filter(Boolean))];
  const equipment = codes.length
    ? await ctx.db
        .select()
        .from(seEquipment)
        .where(and(equipmentScope(ctx), inArray(seEquipment.registrationCode, codes)))
    : [];
  const byCode = new Map(equipment.map((row) => [row.registrationCode, row]));
  const numbers = [...new Set(rows.map(({ cells }) => cells.reportNumber).filter(Boolean))];
  const taken = new Set(
    numbers.length
      ? (
          await ctx.db
            .select({ reportNumber: seInspection.reportNumber })
            .from(seInspection)
            .where(and(eq(seInspection.districtCode, ctx.actor.districtCode), inArray(seInspection.reportNumber, numbers)))
        ).map((row) => row.reportNumber)
      : [],
  );
  const cycles = await cyclesOf(ctx, ctx.actor.districtCode);
  const seen = new Set<string>();
  const inserts: (typeof seInspection.$inferInsert)[] = [];
  for (const { row, cells } of rows) {
    const piece = byCode.get(cells.registrationCode.toUpperCase());
    if (!piece)
      problem(
        row,
        'registrationCode',
        `注册代码“${cells.registrationCode}”不在台账（或不在您的辖区）`,
        `code “${cells.registrationCode}” is not on the register you see`,
      );
    const dateOk = isCalendarDate(cells.inspectedOn);
    if (!dateOk) problem(row, 'inspectedOn', '检验日期应为 YYYY-MM-DD', 'the inspection date must be YYYY-MM-DD');
    else if (cells.inspectedOn > today) problem(row, 'inspectedOn', '检验日期不能晚于今天', 'the inspection date cannot be after today');
    else if (piece && cells.inspectedOn < piece.firstUsedOn)
      problem(row, 'inspectedOn', '检验日期早于投入使用日期', 'the inspection date precedes first use');
    const result = results[cells.result];
    if (!result) problem(row, 'result', '检验结论应为 合格、复检合格 或 不合格', 'the result must be 合格, 复检合格 or 不合格');
    if (!cells.inspectionBody || cells.inspectionBody.length > 200)
      problem(row, 'inspectionBody', '检验机构必填（200 字以内）', 'the inspection body is required (≤ 200 characters)');
    if (!/^[0-9A-Za-z-]{4,40}$/.test(cells.reportNumber))
      problem(row, 'reportNumber', '报告编号应为 4–40 位字母、数字或连字符', 'the report number must be 4–40 letters, digits or hyphens');
    else if (taken.has(cells.reportNumber) || seen.has(cells.reportNumber))
      problem(row, 'reportNumber', `报告编号 ${cells.reportNumber} 已录入`, `report ${cells.reportNumber} is already recorded`);
    seen.add(cells.reportNumber);
    if (piece && dateOk && result)
      inserts.push({
        districtCode: piece.districtCode,
        equipmentId: piece.id,
        inspectedOn: cells.inspectedOn,
        result,
        inspectionBody: cells.inspectionBody,
        reportNumber: cells.reportNumber,
        nextDueOn: nextDueAfter(piece.kind, cells.inspectedOn, result, cycles),
        note: cells.note.slice(0, 1000),
        createdBy: ctx.actor.userId,
      });
  }
  if (problems.length) throw importInvalid({}, problems);
  await ctx.db.transaction(async (tx) => {
    for (let start = 0; start < inserts.length; start += 1000) await tx.insert(seInspection).values(inserts.slice(start, start + 1000));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'special_equipment.inspection.import', objectType: 'se_inspection', detail: { rows: inserts.length } },
    );
  });
  return { imported: inserts.length };
}
