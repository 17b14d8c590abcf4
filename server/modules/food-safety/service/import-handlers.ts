import { maskIdNumber } from '../../../../shared/masking.ts';
import { isValidResidentId } from '../../../../shared/resident-id.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { readFirstSheet, type SheetRow } from '../../../platform/spreadsheets/xlsx.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { importInvalid } from '../food-safety.errors.ts';
import { foodHandler } from '../food-safety.tables.ts';
import { certificateValidUntil } from '../rules/certificate-state.ts';
import { refreshWarning } from './expiry-warnings.ts';
import { type HandlerRow, insertCertificate, normaliseIdNumber, today } from './handlers.ts';

/** The columns of the staff spreadsheet, by their Chinese header. */
const columns = {
  name: '姓名',
  idNumber: '身份证号',
  post: '岗位',
  hiredOn: '入职日期',
  number: '健康证编号',
  institution: '发证机构',
  examinedOn: '体检日期',
  validUntil: '有效期至',
} as const;
type Column = keyof typeof columns;

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Bulk import of a shop's staff from .xlsx — all or nothing: every bad cell is reported by row and column and
 * nothing is written unless the whole file is good.
 */
export async function importHandlers(
  ctx: ActorContext,
  input: { entityId: number; fileBase64: string },
): Promise<{ imported: number; certificates: number }> {
  const shop = await findEntityForModule(ctx, input.entityId);
  const problem = (row: number, field: string, zh: string, en: string): FieldError => ({
    in: `row ${row}`,
    field,
    code: 'invalid',
    message: { 'zh-CN': zh, en },
  });
  let rows: SheetRow[] | null;
  try {
    rows = await readFirstSheet(Buffer.from(input.fileBase64, 'base64'));
  } catch {
    throw importInvalid({}, [problem(0, 'fileBase64', '不是有效的 xlsx 文件', 'Not a valid .xlsx file')]);
  }
  if (!rows) throw importInvalid({}, [problem(0, 'fileBase64', '文件中没有工作表', 'The file has no sheet')]);
  const header = new Map<Column, number>();
  for (const [index, title] of (rows.find((row) => row.rowNumber === 1)?.values ?? []).entries()) {
    const found = (Object.entries(columns) as [Column, string][]).find(([, name]) => name === title);
    if (found) header.set(found[0], index);
  }
  const errors: FieldError[] = [];
  for (const required of ['name', 'idNumber', 'hiredOn'] as const) {
    if (!header.has(required)) errors.push(problem(1, required, `缺少列“${columns[required]}”`, `Missing column "${columns[required]}"`));
  }
  if (errors.length) throw importInvalid({}, errors);
  const parsed: {
    name: string;
    idNumber: string;
    post: string;
    hiredOn: string;
    certificate: { number: string; institution: string; examinedOn: string; validUntil?: string } | null;
  }[] = [];
  const seen = new Set<string>();
  for (const { rowNumber, values } of rows) {
    if (rowNumber === 1) continue;
    const get = (column: Column) => (header.has(column) ? (values[header.get(column) as number] ?? '') : '');
    const name = get('name');
    const idNumber = normaliseIdNumber(get('idNumber'));
    if (!name && !idNumber) continue;
    if (!name || name.length > 50) errors.push(problem(rowNumber, 'name', '姓名为空或过长', 'Name empty or too long'));
    if (!isValidResidentId(idNumber)) errors.push(problem(rowNumber, 'idNumber', '身份证号无效', 'Invalid ID number'));
    else if (seen.has(idNumber)) errors.push(problem(rowNumber, 'idNumber', '身份证号在文件中重复', 'ID number repeated in the file'));
    seen.add(idNumber);
    const hiredOn = get('hiredOn');
    if (!isDate(hiredOn)) errors.push(problem(rowNumber, 'hiredOn', '入职日期应为 YYYY-MM-DD', 'Hire date must be YYYY-MM-DD'));
    const number = get('number');
    let certificate = null;
    if (number) {
      const examinedOn = get('examinedOn');
      const validUntil = get('validUntil');
      if (!isDate(examinedOn)) errors.push(problem(rowNumber, 'examinedOn', '体检日期应为 YYYY-MM-DD', 'Exam date must be YYYY-MM-DD'));
      if (validUntil && (!isDate(validUntil) || validUntil < examinedOn))
        errors.push(problem(rowNumber, 'validUntil', '有效期至无效', 'Invalid expiry date'));
      certificate = { number, institution: get('institution') || '未填写', examinedOn, ...(validUntil ? { validUntil } : {}) };
    }
    parsed.push({ name, idNumber, post: get('post').slice(0, 50), hiredOn, certificate });
  }
  if (errors.length) throw importInvalid({}, errors.slice(0, 200));
  const day = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    let certificates = 0;
    for (const person of parsed) {
      const [row] = await tx
        .insert(foodHandler)
        .values({
          districtCode: shop.districtCode,
          entityId: shop.id,
          streetCode: shop.streetCode,
          industryCode: shop.industryCode,
          name: person.name,
          idNumberEnc: ctx.crypto.encrypt(person.idNumber),
          idNumberBlind: ctx.crypto.blindIndex(person.idNumber),
          idNumberMask: maskIdNumber(person.idNumber),
          post: person.post,
          hiredOn: person.hiredOn,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      let handler: HandlerRow = row;
      if (person.certificate) {
        handler = await insertCertificate(txCtx, handler, {
          ...person.certificate,
          validUntil: person.certificate.validUntil ?? certificateValidUntil(person.certificate.examinedOn),
        });
        certificates += 1;
      }
      await refreshWarning(txCtx, handler, day);
    }
    await writeAudit(txCtx, { action: 'food_handler.import', objectType: 'entity', objectId: shop.id, detail: { rows: parsed.length } });
    return { imported: parsed.length, certificates };
  });
}
