import { parseTypedDate } from '../../../../shared/typed-date.ts';
import type { rapidTestItems } from '../../../../shared/vocabularies/markets.ts';
import type { RapidTestResult } from './lot-handling.ts';

export type RapidTestItem = (typeof rapidTestItems)[number];

/**
 * The testing device's CSV (the common 农残/兽残 rapid-test readers export one row per sample): the columns may carry
 * the device's Chinese headers or English ones; the items and results its Chinese words.
 */
export const deviceColumns = {
  testedOn: ['检测日期', '日期', 'date'],
  stall: ['摊位号', '摊位', 'stall'],
  product: ['样品名称', '样品', 'product'],
  item: ['检测项目', '项目', 'item'],
  result: ['检测结果', '结果', 'result'],
} as const;

const itemWords: Readonly<Record<string, RapidTestItem>> = {
  农药残留: 'pesticide_residue',
  农残: 'pesticide_residue',
  有机磷和氨基甲酸酯类农药: 'pesticide_residue',
  兽药残留: 'veterinary_drug',
  兽残: 'veterinary_drug',
  瘦肉精: 'clenbuterol',
  克伦特罗: 'clenbuterol',
  甲醛: 'formaldehyde',
  二氧化硫: 'sulfur_dioxide',
  孔雀石绿: 'malachite_green',
  pesticide_residue: 'pesticide_residue',
  veterinary_drug: 'veterinary_drug',
  clenbuterol: 'clenbuterol',
  formaldehyde: 'formaldehyde',
  sulfur_dioxide: 'sulfur_dioxide',
  malachite_green: 'malachite_green',
};
const resultWords: Readonly<Record<string, RapidTestResult>> = {
  阴性: 'negative',
  合格: 'negative',
  negative: 'negative',
  阳性: 'positive',
  不合格: 'positive',
  positive: 'positive',
};

export interface DeviceTest {
  testedOn: string;
  stallNumber: string;
  product: string;
  item: RapidTestItem;
  result: RapidTestResult;
}

export type DeviceRowProblem = 'missing' | 'invalid' | 'unknown_stall' | 'future' | 'too_long';
export type DeviceRowOutcome =
  | { ok: true; test: DeviceTest }
  | { ok: false; errors: { field: keyof typeof deviceColumns; problem: DeviceRowProblem }[] };

function cell(cells: Readonly<Record<string, string>>, field: keyof typeof deviceColumns): string {
  for (const header of deviceColumns[field]) {
    const value = cells[header];
    if (value !== undefined) return value.trim();
  }
  return '';
}

/** One row of the device's file, checked: every bad cell named, the date as shared/typed-date.ts reads it. */
export function readDeviceRow(cells: Readonly<Record<string, string>>, stallNumbers: ReadonlySet<string>, today: string): DeviceRowOutcome {
  const errors: { field: keyof typeof deviceColumns; problem: DeviceRowProblem }[] = [];
  // The device writes the instant (`2020/12/31 08:15:02`): its day is what counts.
  const rawDate = cell(cells, 'testedOn').split(/\s+/)[0] ?? '';
  const testedOn = parseTypedDate(rawDate) ?? '';
  if (!rawDate) errors.push({ field: 'testedOn', problem: 'missing' });
  else if (!testedOn) errors.push({ field: 'testedOn', problem: 'invalid' });
  else if (testedOn > today) errors.push({ field: 'testedOn', problem: 'future' });
  const stallNumber = cell(cells, 'stall');
  if (!stallNumber) errors.push({ field: 'stall', problem: 'missing' });
  else if (!stallNumbers.has(stallNumber)) errors.push({ field: 'stall', problem: 'unknown_stall' });
  const product = cell(cells, 'product');
  if (!product) errors.push({ field: 'product', problem: 'missing' });
  else if (product.length > 50) errors.push({ field: 'product', problem: 'too_long' });
  const rawItem = cell(cells, 'item');
  const item = itemWords[rawItem];
  if (!rawItem) errors.push({ field: 'item', problem: 'missing' });
  else if (!item) errors.push({ field: 'item', problem: 'invalid' });
  const rawResult = cell(cells, 'result');
  const result = resultWords[rawResult.toLowerCase()];
  if (!rawResult) errors.push({ field: 'result', problem: 'missing' });
  else if (!result) errors.push({ field: 'result', problem: 'invalid' });
  if (errors.length || !item || !result) return { ok: false, errors };
  return { ok: true, test: { testedOn, stallNumber, product, item, result } };
}
