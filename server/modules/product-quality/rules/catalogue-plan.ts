import type { CatalogueField } from '../../../../shared/vocabularies/product-quality.ts';

/** The sampling module's links as the catalogue's fields: production, circulation and e-commerce are the same; catering is food only. */
export function fieldOfLink(link: string | null): CatalogueField | null | 'all' {
  if (link === null) return 'all';
  return link === 'production' || link === 'circulation' || link === 'e_commerce' ? link : null;
}

export interface PlanBatchesInput {
  plans: { id: number; name: string; kind: string }[];
  targets: { planId: number; link: string | null; category: string | null; targetBatches: number }[];
  batches: { planId: number; link: string; category: string; productType: string; batches: number }[];
}
export interface CatalogueProductInput {
  id: number;
  category: string;
  name: string;
  status: 'active' | 'retired';
}
type Counts = Record<CatalogueField, { planned: number | null; done: number }>;

const emptyCounts = (fields: readonly CatalogueField[]): Counts =>
  Object.fromEntries(fields.map((field) => [field, { planned: null, done: 0 }])) as Counts;
const addPlanned = (counts: Counts, field: CatalogueField, n: number) => {
  counts[field].planned = (counts[field].planned ?? 0) + n;
};

/**
 * The year's plans laid over the district catalogue: for each plan its targets and batches per field; for each
 * category its category targets (a target naming the category) and batches per field; for each product the batches
 * per field (matched on category and product name). A target with no link is planned for the whole plan, not a field:
 * it counts in the plan's total only. Batches of a product not in the catalogue are counted apart.
 */
export function cataloguePlan(
  fields: readonly CatalogueField[],
  products: readonly CatalogueProductInput[],
  input: PlanBatchesInput,
  completionPercent: (done: number, target: number) => string | null,
) {
  const productKey = (category: string, name: string) => `${category}\u0000${name}`;
  const byKey = new Map(products.map((product) => [productKey(product.category, product.name), product]));
  const plans = input.plans.map((plan) => {
    const byField = emptyCounts(fields);
    const targets = input.targets.filter((target) => target.planId === plan.id);
    for (const target of targets) {
      const field = fieldOfLink(target.link);
      if (field !== null && field !== 'all') addPlanned(byField, field, target.targetBatches);
    }
    const batches = input.batches.filter((row) => row.planId === plan.id);
    for (const row of batches) {
      const field = fieldOfLink(row.link);
      if (field !== null && field !== 'all') byField[field].done += row.batches;
    }
    const targetBatches = targets.reduce((sum, target) => sum + target.targetBatches, 0);
    const doneBatches = batches.reduce((sum, row) => sum + row.batches, 0);
    return {
      id: plan.id,
      name: plan.name,
      kind: plan.kind,
      byField,
      targetBatches,
      doneBatches,
      completionPercent: completionPercent(doneBatches, targetBatches),
    };
  });
  const categoryNames = [...new Set(products.map((product) => product.category))];
  const categories = categoryNames.map((category) => {
    const byField = emptyCounts(fields);
    for (const target of input.targets.filter((row) => row.category === category)) {
      const field = fieldOfLink(target.link);
      if (field !== null && field !== 'all') addPlanned(byField, field, target.targetBatches);
    }
    const rows = products
      .filter((product) => product.category === category)
      .map((product) => {
        const done = Object.fromEntries(fields.map((field) => [field, 0])) as Record<CatalogueField, number>;
        let batches = 0;
        for (const row of input.batches) {
          if (row.category !== product.category || row.productType !== product.name) continue;
          batches += row.batches;
          const field = fieldOfLink(row.link);
          if (field !== null && field !== 'all') {
            done[field] += row.batches;
            byField[field].done += row.batches;
          }
        }
        return { id: product.id, name: product.name, status: product.status, byField: done, batches };
      });
    return { category, byField, products: rows };
  });
  const outsideCatalogue = input.batches
    .filter((row) => !byKey.has(productKey(row.category, row.productType)))
    .reduce((sum, row) => sum + row.batches, 0);
  return { plans, categories, outsideCatalogue };
}
