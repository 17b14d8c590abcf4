import { isValidResidentId } from '../../../../shared/resident-id.ts';
import { idKinds, medicineClasses, symptoms } from '../../../../shared/vocabularies/pharmacies.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';

/**
 * What a pharmacy records of a buyer of fever and cough medicines (药情每日通, issue 17): the checks a counter entry
 * and a POS row pass alike, naming every bad field. A resident ID number carries the GB 11643-1999 check character
 * (shared/resident-id.ts); a passport number is 5–20 letters and digits. A body temperature outside 34.0–43.0 °C is a
 * typo, not a reading.
 */
export { idKinds, medicineClasses, symptoms };
export type Symptom = (typeof symptoms)[number];
export type MedicineClass = (typeof medicineClasses)[number];
export type IdKind = (typeof idKinds)[number];

/** 发热 as the epidemic prevention guidance counts it: an axillary temperature of 37.3 °C or more. */
export const feverThreshold = 37.3;
export const temperatureRange = { min: 34, max: 43 } as const;
export const quantityRange = { min: 1, max: 50 } as const;

export interface RegistrationInput {
  buyerName: string;
  idKind: IdKind;
  idNumber: string;
  phone: string;
  address: string;
  temperature: number | null;
  symptoms: Symptom[];
  medicineClass: MedicineClass;
  quantity: number;
  isForOther: boolean;
  travelHistory: string;
  hasContactHistory: boolean;
}

type Message = { 'zh-CN': string; en: string };
const messages = {
  required: { 'zh-CN': '必填', en: 'is required' },
  name: { 'zh-CN': '姓名应为 1–50 个字符', en: 'must be 1–50 characters' },
  idKind: { 'zh-CN': '证件类型应为身份证或护照', en: 'must be resident_id or passport' },
  residentId: {
    'zh-CN': '身份证号码不正确（18 位，末位校验码不符）',
    en: 'is not a valid resident ID number (18 characters with a matching check character)',
  },
  passport: { 'zh-CN': '护照号码应为 5–20 位字母或数字', en: 'must be 5–20 letters or digits' },
  phone: { 'zh-CN': '手机号码应为 11 位数字，以 1 开头', en: 'must be an 11-digit mobile number starting with 1' },
  address: { 'zh-CN': '住址最多 200 个字符', en: 'must have at most 200 characters' },
  temperature: { 'zh-CN': '体温应在 34.0–43.0 ℃ 之间，保留一位小数', en: 'must be between 34.0 and 43.0 °C with one decimal' },
  symptoms: { 'zh-CN': `症状应取自：${symptoms.join(', ')}，不能重复`, en: `must be distinct values of: ${symptoms.join(', ')}` },
  medicineClass: { 'zh-CN': `药品类别应为：${medicineClasses.join(', ')}`, en: `must be one of: ${medicineClasses.join(', ')}` },
  quantity: { 'zh-CN': '数量应为 1–50 的整数', en: 'must be a whole number from 1 to 50' },
  boolean: { 'zh-CN': '应为是或否', en: 'must be true or false' },
  travel: { 'zh-CN': '行程最多 200 个字符', en: 'must have at most 200 characters' },
} satisfies Record<string, Message>;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Checks one registration (a JSON object from the counter page or a POS row) and returns it normalised (trimmed,
 * ID upper-case) or every bad field; `location` is where the fields sit (`body`, `rows.3`).
 */
export function checkRegistration(raw: unknown, location = 'body'): { value: RegistrationInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const bad = (field: string, code: string, message: Message) => errors.push({ in: location, field, code, message });
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;

  const buyerName = isText(row.buyerName) ? row.buyerName.trim() : '';
  if (buyerName.length < 1 || buyerName.length > 50) bad('buyerName', 'invalid', messages.name);
  const idKind = row.idKind === undefined ? 'resident_id' : row.idKind;
  const idNumber = isText(row.idNumber) ? row.idNumber.trim().toUpperCase() : '';
  if (!idKinds.includes(idKind as IdKind)) bad('idKind', 'enum', messages.idKind);
  else if (idKind === 'resident_id' && !isValidResidentId(idNumber)) bad('idNumber', 'check_character', messages.residentId);
  else if (idKind === 'passport' && !/^[A-Z0-9]{5,20}$/.test(idNumber)) bad('idNumber', 'pattern', messages.passport);
  const phone = isText(row.phone) ? row.phone.replace(/[\s-]/g, '') : '';
  if (!/^1\d{10}$/.test(phone)) bad('phone', 'pattern', messages.phone);
  const address = row.address === undefined ? '' : isText(row.address) ? row.address.trim() : null;
  if (address === null || address.length > 200) bad('address', 'maxLength', messages.address);

  let temperature: number | null = null;
  if (row.temperature !== undefined && row.temperature !== null && row.temperature !== '') {
    const reading = Number(row.temperature);
    if (
      !Number.isFinite(reading) ||
      reading < temperatureRange.min ||
      reading > temperatureRange.max ||
      Math.abs(reading * 10 - Math.round(reading * 10)) > 1e-9
    )
      bad('temperature', 'range', messages.temperature);
    else temperature = reading;
  }
  const symptomList = row.symptoms === undefined ? [] : row.symptoms;
  if (
    !Array.isArray(symptomList) ||
    symptomList.some((symptom) => !symptoms.includes(symptom as Symptom)) ||
    new Set(symptomList).size !== symptomList.length
  )
    bad('symptoms', 'enum', messages.symptoms);
  if (!medicineClasses.includes(row.medicineClass as MedicineClass)) bad('medicineClass', 'enum', messages.medicineClass);
  const quantity = row.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < quantityRange.min || quantity > quantityRange.max)
    bad('quantity', 'range', messages.quantity);
  for (const field of ['isForOther', 'hasContactHistory'] as const)
    if (row[field] !== undefined && typeof row[field] !== 'boolean') bad(field, 'type', messages.boolean);
  const travelHistory = row.travelHistory === undefined ? '' : isText(row.travelHistory) ? row.travelHistory.trim() : null;
  if (travelHistory === null || travelHistory.length > 200) bad('travelHistory', 'maxLength', messages.travel);

  if (errors.length) return { value: null, errors };
  return {
    value: {
      buyerName,
      idKind: idKind as IdKind,
      idNumber,
      phone,
      address: address ?? '',
      temperature,
      symptoms: [...(symptomList as Symptom[])].sort((a, b) => symptoms.indexOf(a) - symptoms.indexOf(b)),
      medicineClass: row.medicineClass as MedicineClass,
      quantity: quantity as number,
      isForOther: row.isForOther === true,
      travelHistory: travelHistory ?? '',
      hasContactHistory: row.hasContactHistory === true,
    },
    errors,
  };
}

/** A buyer the epidemic team follows up the same day: a fever reading (≥ 37.3 °C) or contact with the outbreak area. */
export function needsFollowUp(record: { temperature: number | null; hasContactHistory: boolean }): boolean {
  return record.hasContactHistory || (record.temperature !== null && record.temperature >= feverThreshold);
}

/** A symptomatic buyer, as the seed counts them (发热、咳嗽、胸闷 …): any symptom ticked, or a fever reading. */
export function isSymptomatic(record: { temperature: number | null; symptoms: readonly string[] }): boolean {
  return record.symptoms.length > 0 || (record.temperature !== null && record.temperature >= feverThreshold);
}
