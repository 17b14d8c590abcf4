import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import { conclusionOf } from '../rules/result-conclusion.ts';
import type { ResultItemInput, Verdict } from '../sampling.schemas.ts';
import { sampleResultItem } from '../sampling.tables.ts';

/** The conclusion of a complete set of item results, or a 400 naming each bad item. */
export function conclusionOrFieldErrors(testItems: readonly string[], items: readonly ResultItemInput[]): Verdict {
  const check = conclusionOf(testItems, items);
  if (check.ok) return check.conclusion;
  const errors: FieldError[] = [
    ...check.unplanned.map((index) => ({
      in: 'body',
      field: `items.${index}.itemName`,
      code: 'unplanned_item',
      message: { 'zh-CN': '不是该样品的检验项目', en: 'is not a test item of this sample' },
    })),
    ...check.repeated.map((index) => ({
      in: 'body',
      field: `items.${index}.itemName`,
      code: 'repeated_item',
      message: { 'zh-CN': '检验项目重复', en: 'is entered twice' },
    })),
    ...(check.missing.length
      ? [
          {
            in: 'body',
            field: 'items',
            code: 'missing_items',
            message: { 'zh-CN': '缺少检验项目：{items}', en: 'results missing for: {items}' },
            params: { items: check.missing.join('、') },
          },
        ]
      : []),
  ];
  throw invalidRequest({}, errors);
}

/** Replaces a sample's item results (inside the caller's transaction). */
export async function replaceResultItems(db: Db, districtCode: string, sampleId: number, items: readonly ResultItemInput[]): Promise<void> {
  await db.delete(sampleResultItem).where(and(eq(sampleResultItem.districtCode, districtCode), eq(sampleResultItem.sampleId, sampleId)));
  await db.insert(sampleResultItem).values(items.map((item) => ({ districtCode, sampleId, ...item })));
}
