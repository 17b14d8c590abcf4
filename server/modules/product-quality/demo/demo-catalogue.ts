import type { ServiceContext } from '../../../platform/http/context.ts';
import { type DemoProduct, demoIndustrialProducts } from '../../sampling/index.ts';
import { pqCatalogueProduct } from '../product-quality.tables.ts';

/** A demo product as a catalogue row: its standards and test items in the order the demo lists them, once each. */
export function catalogueRowOf(product: DemoProduct) {
  return {
    category: product.category,
    name: product.productType,
    standards: [...new Set(product.items.map((item) => item.standard))],
    testItems: [...new Set(product.items.map((item) => item.name))],
  };
}

/**
 * The district's own catalogue (本地区重点工业产品质量安全监管目录) as the demo bureau keeps it: the 15 categories and
 * 27 products of the 2020 targeted sampling, so the catalogue and the 2020 and 2021 batches agree. Deterministic (no
 * random numbers drawn), so every other demo figure keeps its value.
 */
export async function seedDemoCatalogue(ctx: ServiceContext, districtCode: string): Promise<number> {
  const rows = demoIndustrialProducts.map((product) => ({ districtCode, ...catalogueRowOf(product) }));
  await ctx.db.insert(pqCatalogueProduct).values(rows).onConflictDoNothing();
  return rows.length;
}
