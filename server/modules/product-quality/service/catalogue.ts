import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { catalogueFields } from '../../../../shared/vocabularies/product-quality.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { readSpreadsheet } from '../../../platform/spreadsheets/read.ts';
import type { SpreadsheetKind } from '../../../platform/spreadsheets/upload.ts';
import { industrialPlanBatches, samplingCompletionPercent } from '../../sampling/index.ts';
import { catalogueProductNotFound, catalogueProductTaken } from '../product-quality.errors.ts';
import type {
  CatalogueEditionList,
  CatalogueImportResult,
  CataloguePlanView,
  CatalogueProductBody,
  CatalogueProductList,
  CatalogueProductQuery,
  CatalogueProductUpdateBody,
  CatalogueProductView,
} from '../product-quality.schemas.ts';
import { pqCatalogueEdition, pqCatalogueEditionCategory, pqCatalogueProduct } from '../product-quality.tables.ts';
import { cataloguePlan } from '../rules/catalogue-plan.ts';
import {
  type CatalogueColumn,
  type CatalogueRecord,
  catalogueColumns,
  catalogueLimits,
  readCatalogueRow,
  splitCatalogueList,
  standardPattern,
} from '../rules/catalogue-row.ts';

type Row = typeof pqCatalogueProduct.$inferSelect;

/** The catalogue is a district-wide document every staff member of the district reads (like the sampling plans). */
const inDistrict = (ctx: ActorContext): SQL => inArray(pqCatalogueProduct.districtCode, [...ctx.actor.districtCodes]);

const view = (row: Row): CatalogueProductView => ({
  id: row.id,
  category: row.category,
  name: row.name,
  standards: row.standards,
  testItems: row.testItems,
  status: row.status,
});

async function categoryCounts(ctx: ActorContext) {
  return ctx.db
    .select({
      category: pqCatalogueProduct.category,
      products: sql<number>`(count(*) filter (where ${pqCatalogueProduct.status} = 'active'))::int`,
    })
    .from(pqCatalogueProduct)
    .where(inDistrict(ctx))
    .groupBy(pqCatalogueProduct.category)
    .orderBy(sql`min(${pqCatalogueProduct.id})`);
}

/** The national editions (declared counts and categories) and the district edition's size. */
export async function listCatalogueEditions(ctx: ActorContext): Promise<CatalogueEditionList> {
  const editions = await ctx.db.select().from(pqCatalogueEdition).orderBy(asc(pqCatalogueEdition.id));
  const categories = await ctx.db
    .select()
    .from(pqCatalogueEditionCategory)
    .orderBy(asc(pqCatalogueEditionCategory.editionId), asc(pqCatalogueEditionCategory.position));
  const byCategory = await categoryCounts(ctx);
  const [{ retired } = { retired: 0 }] = await ctx.db
    .select({ retired: sql<number>`count(*)::int` })
    .from(pqCatalogueProduct)
    .where(and(inDistrict(ctx), eq(pqCatalogueProduct.status, 'retired')));
  const active = byCategory.filter((row) => row.products > 0);
  return {
    national: editions.map((edition) => ({
      code: edition.code,
      name: edition.name,
      issuer: edition.issuer,
      source: edition.source,
      year: edition.year,
      declaredCategories: edition.declaredCategories,
      declaredProducts: edition.declaredProducts,
      categories: categories
        .filter((category) => category.editionId === edition.id)
        .map((category) => ({ name: category.name, declaredProducts: category.declaredProducts })),
    })),
    district: {
      categories: active.length,
      products: active.reduce((sum, row) => sum + row.products, 0),
      retired,
      byCategory: active,
    },
  };
}

/** The district's catalogue products, in catalogue order, filtered by category, status and a search text. */
export async function listCatalogueProducts(ctx: ActorContext, query: CatalogueProductQuery): Promise<CatalogueProductList> {
  const like = query.q ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    inDistrict(ctx),
    query.category ? eq(pqCatalogueProduct.category, query.category) : undefined,
    query.status ? eq(pqCatalogueProduct.status, query.status) : undefined,
    like
      ? or(
          sql`${pqCatalogueProduct.name} ilike ${like}`,
          sql`array_to_string(${pqCatalogueProduct.standards}, ' ') ilike ${like}`,
          sql`array_to_string(${pqCatalogueProduct.testItems}, ' ') ilike ${like}`,
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(pqCatalogueProduct).where(where);
  const rows = await ctx.db
    .select()
    .from(pqCatalogueProduct)
    .where(where)
    .orderBy(asc(pqCatalogueProduct.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(view), total, categories: await categoryCounts(ctx) };
}

async function productRow(ctx: ActorContext, id: number): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(pqCatalogueProduct)
    .where(and(inDistrict(ctx), eq(pqCatalogueProduct.id, id)));
  if (!row) throw catalogueProductNotFound();
  return row;
}

export async function getCatalogueProduct(ctx: ActorContext, id: number): Promise<CatalogueProductView> {
  return view(await productRow(ctx, id));
}

async function nameTaken(ctx: ActorContext, districtCode: string, category: string, name: string, exceptId?: number) {
  const [taken] = await ctx.db
    .select({ id: pqCatalogueProduct.id })
    .from(pqCatalogueProduct)
    .where(
      and(
        eq(pqCatalogueProduct.districtCode, districtCode),
        eq(pqCatalogueProduct.category, category),
        eq(pqCatalogueProduct.name, name),
        exceptId === undefined ? undefined : ne(pqCatalogueProduct.id, exceptId),
      ),
    );
  return taken !== undefined;
}

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');
const cleanList = (entries: string[]) => splitCatalogueList(entries.join('\n'));

/**
 * The lists as the table keeps them (split, trimmed, once each: an entry may hold several, like an import cell): at
 * least one entry and no more than the limit, and each standard must read as a standard's number. Bad fields are named.
 */
function checkLists(lists: { standards?: string[]; testItems?: string[] }) {
  const bad = [];
  const counted = (field: 'standards' | 'testItems', entries: string[] | undefined) => {
    if (entries === undefined) return;
    const limit = catalogueLimits[field];
    if (entries.length === 0 || entries.length > limit)
      bad.push({
        in: 'body',
        field,
        code: 'entries',
        message: { 'zh-CN': `应为 1 至 ${limit} 项`, en: `Give 1 to ${limit} entries` },
      });
  };
  counted('standards', lists.standards);
  counted('testItems', lists.testItems);
  const wrong = (lists.standards ?? []).filter((standard) => !standardPattern.test(standard));
  if (wrong.length)
    bad.push({
      in: 'body',
      field: 'standards',
      code: 'standard_number',
      message: { 'zh-CN': `标准编号格式有误：${wrong.join('、')}`, en: `Not a standard number: ${wrong.join(', ')}` },
    });
  if (bad.length) throw invalidRequest({}, bad);
}

/** Adds a product to the district's catalogue. */
export async function createCatalogueProduct(ctx: ActorContext, body: CatalogueProductBody): Promise<CatalogueProductView> {
  const districtCode = ctx.actor.districtCode;
  const values = {
    category: clean(body.category),
    name: clean(body.name),
    standards: cleanList(body.standards),
    testItems: cleanList(body.testItems),
  };
  checkLists(values);
  if (await nameTaken(ctx, districtCode, values.category, values.name)) throw catalogueProductTaken();
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pqCatalogueProduct)
      .values({ districtCode, ...values })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.catalogue_product.create', objectType: 'pq_catalogue_product', objectId: row?.id },
    );
    return row as Row;
  });
  return view(saved);
}

/** Corrects a catalogue product, or retires it (kept for the batches already sampled) or brings it back. */
export async function updateCatalogueProduct(
  ctx: ActorContext,
  id: number,
  body: CatalogueProductUpdateBody,
): Promise<CatalogueProductView> {
  const row = await productRow(ctx, id);
  const next = {
    category: body.category === undefined ? row.category : clean(body.category),
    name: body.name === undefined ? row.name : clean(body.name),
    standards: body.standards === undefined ? row.standards : cleanList(body.standards),
    testItems: body.testItems === undefined ? row.testItems : cleanList(body.testItems),
    status: body.status ?? row.status,
  };
  checkLists({
    standards: body.standards === undefined ? undefined : next.standards,
    testItems: body.testItems === undefined ? undefined : next.testItems,
  });
  if (await nameTaken(ctx, row.districtCode, next.category, next.name, id)) throw catalogueProductTaken();
  const saved = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pqCatalogueProduct)
      .set({ ...next, updatedAt: ctx.clock.now() })
      .where(and(eq(pqCatalogueProduct.districtCode, row.districtCode), eq(pqCatalogueProduct.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'product_quality.catalogue_product.update',
        objectType: 'pq_catalogue_product',
        objectId: id,
        detail: { fields: Object.keys(body) },
      },
    );
    return updated as Row;
  });
  return view(saved);
}

const headerFor = (headers: string[], column: CatalogueColumn) =>
  headers.find((header) => (catalogueColumns[column] as readonly string[]).includes(header.trim().toLowerCase()));

/**
 * Imports a catalogue file (xlsx or csv: category, product, standards, test items; one row per product). Every row is
 * checked; when any row is bad nothing is written and every bad row is reported with its number, column and reason.
 * A clean file adds its new products and replaces the standards and test items of products already in the catalogue
 * (same category and name), bringing a retired one back.
 */
export async function importCatalogue(
  ctx: ActorContext,
  input: { file: Buffer; kind: SpreadsheetKind; filename: string },
): Promise<CatalogueImportResult> {
  const sheet = await readSpreadsheet(input.file, input.kind);
  const columns = Object.fromEntries(
    (Object.keys(catalogueColumns) as CatalogueColumn[]).map((column) => [column, headerFor(sheet.headers, column)]),
  ) as Record<CatalogueColumn, string | undefined>;
  const missing = (Object.keys(catalogueColumns) as CatalogueColumn[]).filter((column) => !columns[column]);
  if (missing.length)
    return {
      rows: sheet.rows.length,
      added: 0,
      updated: 0,
      errors: missing.map((column) => ({
        rowNumber: 1,
        field: column,
        message: `缺少列 / missing column: ${catalogueColumns[column][0]}`,
      })),
    };
  const errors: CatalogueImportResult['errors'] = [];
  const good: CatalogueRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const cells = Object.fromEntries(
      (Object.keys(columns) as CatalogueColumn[]).map((column) => [column, row.cells[columns[column] as string] ?? '']),
    );
    const read = readCatalogueRow(cells);
    if ('problems' in read) for (const problem of read.problems) errors.push({ rowNumber: row.rowNumber, ...problem });
    else {
      const key = `${read.record.category}\u0000${read.record.name}`;
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          rowNumber: row.rowNumber,
          field: 'name',
          message: `与第 ${first} 行重复（同一类别、产品） / duplicates row ${first}`,
        });
      else {
        seen.set(key, row.rowNumber);
        good.push(read.record);
      }
    }
  }
  if (sheet.rows.length === 0) errors.push({ rowNumber: 2, field: 'name', message: '文件没有数据行 / the file has no rows' });
  if (errors.length) return { rows: sheet.rows.length, added: 0, updated: 0, errors };
  const districtCode = ctx.actor.districtCode;
  const existing = await ctx.db
    .select({ category: pqCatalogueProduct.category, name: pqCatalogueProduct.name })
    .from(pqCatalogueProduct)
    .where(eq(pqCatalogueProduct.districtCode, districtCode));
  const known = new Set(existing.map((row) => `${row.category}\u0000${row.name}`));
  const updated = good.filter((record) => known.has(`${record.category}\u0000${record.name}`)).length;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (let start = 0; start < good.length; start += 500) {
      await tx
        .insert(pqCatalogueProduct)
        .values(good.slice(start, start + 500).map((record) => ({ districtCode, ...record, createdAt: now, updatedAt: now })))
        .onConflictDoUpdate({
          target: [pqCatalogueProduct.districtCode, pqCatalogueProduct.category, pqCatalogueProduct.name],
          set: { standards: sql`excluded.standards`, testItems: sql`excluded.test_items`, status: 'active', updatedAt: now },
        });
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'product_quality.catalogue_import',
        objectType: 'pq_catalogue_product',
        detail: { filename: input.filename, rows: sheet.rows.length, added: good.length - updated, updated },
      },
    );
  });
  return { rows: sheet.rows.length, added: good.length - updated, updated, errors: [] };
}

/** A year's industrial plans laid over the district catalogue: batches planned and done per field and category. */
export async function cataloguePlanView(ctx: ActorContext, year: number): Promise<CataloguePlanView> {
  const products = await ctx.db
    .select({
      id: pqCatalogueProduct.id,
      category: pqCatalogueProduct.category,
      name: pqCatalogueProduct.name,
      status: pqCatalogueProduct.status,
    })
    .from(pqCatalogueProduct)
    .where(inDistrict(ctx))
    .orderBy(asc(pqCatalogueProduct.id));
  const batches = await industrialPlanBatches(ctx, year);
  return { year, fields: [...catalogueFields], ...cataloguePlan(catalogueFields, products, batches, samplingCompletionPercent) };
}
