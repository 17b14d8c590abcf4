import { normaliseCreditCode, validateCreditCode } from '../../../../shared/credit-code.ts';
import { normaliseIndustryCode } from '../../../../shared/industry.ts';
import { isValidResidentId } from '../../../../shared/resident-id.ts';
import {
  type BusinessCategory,
  businessCategories,
  type EntityKind,
  type EntityStatus,
  type ImportColumns,
  type ImportReason,
} from '../registry.schemas.ts';

/** A row read from a registration extract, normalised; a field is absent when its column is not mapped. */
export interface ImportedEntity {
  creditCode: string;
  name: string;
  kind?: EntityKind;
  legalRepName?: string;
  legalRepIdNumber?: string | null;
  phone?: string | null;
  industryCode?: string;
  registeredCapitalWan?: string | null;
  foundedOn?: string;
  address?: string;
  streetCode?: string;
  status?: EntityStatus;
  businessCategory?: BusinessCategory;
}

export interface StreetName {
  code: string;
  name: string;
}

const statusWords: [RegExp, EntityStatus][] = [
  [/^(存续|在业|开业|在营|active)/i, 'active'],
  [/^(迁出|moved)/i, 'moved_out'],
  [/^(注销|cancel)/i, 'cancelled'],
  [/^(吊销|revoked)/i, 'revoked'],
];

function reason(field: string, code: string, zh: string, en: string): ImportReason {
  return { field, code, message: { 'zh-CN': zh, en } };
}

/** '2020-05-01', '2020/5/1', '20200501', '2020年5月1日' → '2020-05-01'; undefined when not a real date. */
export function parseDay(text: string): string | undefined {
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T].*)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** '100', '100万元', '1,000.5' → '100.0000' (万元, 4 decimals as stored); undefined when not a number. */
export function parseCapitalWan(text: string): string | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,4}))?(?:万元|万)?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!match) return undefined;
  return `${BigInt(match[1] as string).toString()}.${(match[2] ?? '').padEnd(4, '0')}`;
}

/**
 * A value masked as our exports mask it (shared/masking.ts: 185****4719, 330211********1234): in an import it
 * means "unchanged", so a file exported from Zhijian can be edited and imported back (docs/decisions/0015).
 */
export function isMaskedValue(text: string): boolean {
  return /^\+?[0-9]*\*{2,}[0-9]*[0-9Xx]?$/.test(text.replace(/[\s-]/g, ''));
}

/**
 * Reads one spreadsheet row through the column mapping. `today` bounds the founding date; `streets`
 * resolves a street given by name (中河街道 or 中河) or by its 9-digit code.
 */
export function readImportRow(
  cells: Readonly<Record<string, string>>,
  columns: ImportColumns,
  context: { streets: readonly StreetName[]; today: string },
): { entity: ImportedEntity; reasons: ImportReason[] } {
  const reasons: ImportReason[] = [];
  const read: Partial<Record<string, string>> = {};
  for (const [header, field] of Object.entries(columns)) read[field] = (cells[header] ?? '').trim();

  const creditCode = normaliseCreditCode(read.creditCode ?? '');
  if (!creditCode) reasons.push(reason('creditCode', 'required', '缺少统一社会信用代码', 'The credit code is missing'));
  else {
    const check = validateCreditCode(creditCode);
    if (!check.ok && check.reason === 'check_character') {
      reasons.push(
        reason(
          'creditCode',
          'check_character',
          `统一社会信用代码校验位错误（应为 ${check.expected}）`,
          `Wrong check character in the credit code (expected ${check.expected})`,
        ),
      );
    } else if (!check.ok) {
      reasons.push(reason('creditCode', check.reason, '统一社会信用代码格式错误', 'The credit code has the wrong format'));
    }
  }
  const name = (read.name ?? '').replace(/\s+/g, ' ');
  if (!name) reasons.push(reason('name', 'required', '缺少名称', 'The name is missing'));
  const entity: ImportedEntity = { creditCode, name };

  if (read.kind !== undefined) {
    if (/个体|individual/i.test(read.kind)) entity.kind = 'individual';
    else if (read.kind === '') entity.kind = creditCode.charAt(1) === '2' ? 'individual' : 'enterprise';
    else entity.kind = 'enterprise';
  } else if (creditCode.length === 18) entity.kind = creditCode.charAt(1) === '2' ? 'individual' : 'enterprise';

  if (read.legalRepName !== undefined) entity.legalRepName = read.legalRepName;
  // A masked ID number or phone leaves the stored value as it is (the field counts as not mapped for this row).
  if (read.legalRepIdNumber !== undefined && isMaskedValue(read.legalRepIdNumber)) delete read.legalRepIdNumber;
  if (read.phone !== undefined && isMaskedValue(read.phone)) delete read.phone;
  if (read.legalRepIdNumber !== undefined) {
    const idNumber = read.legalRepIdNumber.toUpperCase();
    if (!idNumber) entity.legalRepIdNumber = null;
    else if (isValidResidentId(idNumber)) entity.legalRepIdNumber = idNumber;
    else reasons.push(reason('legalRepIdNumber', 'invalid', '身份证号码无效', 'The ID-card number is invalid'));
  }
  if (read.phone !== undefined) {
    const phone = read.phone.replace(/[\s-]/g, '');
    if (!phone) entity.phone = null;
    else if (/^\+?\d{5,20}$/.test(phone)) entity.phone = phone;
    else reasons.push(reason('phone', 'invalid', '电话号码无效', 'The phone number is invalid'));
  }
  if (read.industryCode !== undefined) {
    const industryCode = normaliseIndustryCode(read.industryCode);
    if (industryCode) entity.industryCode = industryCode;
    else
      reasons.push(reason('industryCode', 'invalid', `行业代码无效：${read.industryCode}`, `Unknown industry code: ${read.industryCode}`));
  }
  if (read.registeredCapitalWan !== undefined) {
    if (!read.registeredCapitalWan) entity.registeredCapitalWan = null;
    else {
      const capital = parseCapitalWan(read.registeredCapitalWan);
      if (capital) entity.registeredCapitalWan = capital;
      else reasons.push(reason('registeredCapitalWan', 'invalid', '注册资本不是有效数字', 'The registered capital is not a number'));
    }
  }
  if (read.foundedOn !== undefined) {
    const day = parseDay(read.foundedOn);
    if (!day) reasons.push(reason('foundedOn', 'invalid', `成立日期无效：${read.foundedOn}`, `Invalid founding date: ${read.foundedOn}`));
    else if (day > context.today) reasons.push(reason('foundedOn', 'future', '成立日期晚于今天', 'The founding date is in the future'));
    else entity.foundedOn = day;
  }
  if (read.address !== undefined) entity.address = read.address;
  if (read.street !== undefined) {
    const given = read.street;
    const street = context.streets.find(
      (candidate) => candidate.code === given || candidate.name === given || candidate.name.replace(/(街道|镇|乡)$/, '') === given,
    );
    if (street) entity.streetCode = street.code;
    else reasons.push(reason('street', 'unknown', `本辖区没有街道「${given}」`, `No street "${given}" in this district`));
  }
  if (read.status !== undefined && read.status !== '') {
    const status = statusWords.find(([pattern]) => pattern.test(read.status as string))?.[1];
    if (status) entity.status = status;
    else reasons.push(reason('status', 'invalid', `登记状态无法识别：${read.status}`, `Unknown registration status: ${read.status}`));
  }
  if (read.businessCategory !== undefined && read.businessCategory !== '') {
    const category = businessCategories.find((candidate) => candidate === read.businessCategory);
    if (category) entity.businessCategory = category;
    else reasons.push(reason('businessCategory', 'invalid', '主体分类无法识别', 'Unknown business category'));
  }
  return { entity, reasons };
}

/** Fields a new entity cannot do without (beyond credit code and name). */
export function missingForNewEntity(entity: ImportedEntity): ImportReason[] {
  const reasons: ImportReason[] = [];
  if (!entity.streetCode) reasons.push(reason('street', 'required', '新主体缺少所属街道', 'A new entity needs its street'));
  if (!entity.industryCode) reasons.push(reason('industryCode', 'required', '新主体缺少行业代码', 'A new entity needs its industry'));
  if (!entity.foundedOn) reasons.push(reason('foundedOn', 'required', '新主体缺少成立日期', 'A new entity needs its founding date'));
  return reasons;
}

export function duplicateInFileReason(firstRow: number): ImportReason {
  return reason('creditCode', 'duplicate', `与第 ${firstRow} 行的统一社会信用代码重复`, `Same credit code as row ${firstRow}`);
}
