import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import type { EntityFilter, EntityList, EntityListItem, EntitySearchQuery } from '../registry.schemas.ts';
import { entity, licence } from '../registry.tables.ts';
import { escapeLike, planSearch } from '../rules/search-grams.ts';
import { entityScope, entityScopeForTextSearch } from './entity-scope.ts';

/**
 * Counting stops here: "店" matches hundreds of thousands of rows, and counting costs one row visit per
 * match — about 20–170 ms for 10,000 at 1,000,000 entities on PostgreSQL (docs/decisions/0004-registry-search.md).
 */
export const searchCountCap = 1_000;

/** A licence-number prefix stands for at most this many (the newest) holders, unless the caller needs more. */
const licenceHolderCap = 10_000;

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/**
 * The WHERE of a registry search (list and export): scope first, then each filter. Name and address
 * go through the n-gram index, codes and licence numbers through btree prefix indexes.
 */
export async function entitySearchWhere(ctx: ActorContext, filter: EntityFilter, options: { licenceHolders?: number } = {}): Promise<SQL> {
  const plan = filter.q ? planSearch(filter.q) : undefined;
  // A long run of letters and digits with a digit in it is a code, not a name: skip the n-gram branch.
  const isCodeLike = plan?.codePrefix !== undefined && plan.codePrefix.length >= 6 && /\d/.test(plan.codePrefix);
  const conditions: SQL[] = [plan && !isCodeLike ? entityScopeForTextSearch(ctx.actor) : entityScope(ctx.actor)];
  if (plan) {
    // A 1-character query, and a 2-character one without a space, are exactly their gram: no recheck needed
    // (and none in the row estimate, which then comes straight from the column statistics).
    const isExactGram = plan.kind === 'unigram' || (plan.grams.length === 1 && [...(plan.grams[0] as string)].length === 2);
    const byText =
      plan.kind === 'unigram'
        ? sql`${entity.searchGrams} @> ${textArray([plan.gram])}`
        : isExactGram
          ? sql`${entity.searchGrams} @> ${textArray(plan.grams)}`
          : sql`(${entity.searchGrams} @> ${textArray(plan.grams)} and (lower(${entity.name}) like ${`%${escapeLike(plan.text)}%`} or lower(${entity.address}) like ${`%${escapeLike(plan.text)}%`}))`;
    const alternatives: SQL[] = isCodeLike ? [] : [byText];
    if (plan.codePrefix) {
      const prefix = `${escapeLike(plan.codePrefix)}%`;
      alternatives.push(sql`${entity.creditCode} like ${prefix}`);
      // Licence numbers first, as ids: an id list keeps the whole OR on indexes (a correlated EXISTS would not).
      const holders = await ctx.db
        .selectDistinct({ entityId: licence.entityId })
        .from(licence)
        .where(and(sql`${licence.number} like ${prefix}`, inArray(licence.districtCode, [...ctx.actor.districtCodes])))
        // The newest holders first, so that the pages (newest first) and the capped count see the right ones.
        .orderBy(sql`${licence.entityId} desc`)
        .limit(options.licenceHolders ?? licenceHolderCap);
      // One array parameter, not thousands of them: a short prefix (「JY233」) matches thousands of licences.
      if (holders.length) alternatives.push(sql`${entity.id} = any(${sql.param(holders.map((holder) => holder.entityId))}::bigint[])`);
    }
    conditions.push(alternatives.length === 1 ? (alternatives[0] as SQL) : sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (filter.kind) conditions.push(eq(entity.kind, filter.kind));
  if (filter.status) conditions.push(eq(entity.status, filter.status));
  if (filter.category) conditions.push(eq(entity.businessCategory, filter.category));
  if (filter.street) conditions.push(eq(entity.streetCode, filter.street));
  if (filter.industry) {
    conditions.push(
      filter.industry.length === 1 ? sql`${entity.industryCode} like ${`${filter.industry}%`}` : eq(entity.industryCode, filter.industry),
    );
  }
  // Subqueries name the actor's districts themselves: on Citus that keeps one district's search on one shard.
  const districts = [...ctx.actor.districtCodes];
  if (filter.station !== undefined) {
    conditions.push(
      sql`${entity.streetCode} in (select ${stationStreet.streetCode} from ${stationStreet} where ${inArray(stationStreet.districtCode, districts)} and ${stationStreet.stationId} = ${filter.station})`,
    );
  }
  if (filter.licenceKind || filter.expiringWithinDays !== undefined) {
    const licenceConditions: SQL[] = [
      inArray(sql`l.district_code`, districts),
      sql`l.district_code = ${entity.districtCode}`,
      sql`l.entity_id = ${entity.id}`,
    ];
    if (filter.licenceKind) licenceConditions.push(sql`l.kind = ${filter.licenceKind}`);
    if (filter.expiringWithinDays !== undefined) {
      const today = todayInChina(ctx.clock.now());
      licenceConditions.push(
        sql`l.status = 'valid' and l.valid_until >= ${today}::date and l.valid_until <= ${addDays(today, filter.expiringWithinDays)}::date`,
      );
    }
    conditions.push(sql`exists (select 1 from ${licence} l where ${sql.join(licenceConditions, sql` and `)})`);
  }
  return and(...conditions) as SQL;
}

/**
 * How many of the newest rows in scope a first page is looked for in before the whole table is searched
 * (docs/decisions/0004-registry-search.md): a term that fills a page there is common, and walking the
 * primary key backwards finds it cheaply; a rarer one goes through its indexes and a sort.
 */
export const searchProbeRows = 4000;

const listSelect = sql.raw(
  [
    'id',
    'credit_code as "creditCode"',
    'name',
    'kind',
    'legal_rep_name as "legalRepName"',
    'industry_code as "industryCode"',
    'status',
    'founded_on::text as "foundedOn"',
    'address',
    'street_code as "streetCode"',
    'business_category as "businessCategory"',
  ].join(', '),
);

/** Names starting with the query rank first while fewer than this many do (a one-character query starts thousands). */
export const rankedHeadCap = 1_000;

/**
 * `GET /api/v1/entities`: one page with a count capped at searchCountCap. With a text query, the names equal to
 * it come first, then the names starting with it (shorter first), then every other match; within each group and
 * without a query, newest registrations first. The page is looked for first among the newest `probeRows` rows
 * in scope; only if they do not hold it is the whole table searched, ordered by `id + 0` so that the planner
 * goes through the n-gram, code or licence indexes instead of walking the primary key past every row.
 */
export async function searchEntities(
  ctx: ActorContext,
  query: EntitySearchQuery,
  options: { probeRows?: number } = {},
): Promise<EntityList> {
  const { page, pageSize, ...filter } = query;
  const probeRows = options.probeRows ?? searchProbeRows;
  const offset = (page - 1) * pageSize;
  // A page needs at most its own newest holders of a licence-number prefix, and the count one more than the cap.
  const where = await entitySearchWhere(ctx, filter, { licenceHolders: Math.max(offset + pageSize, searchCountCap + 1) });
  const term = filter.q?.trim().toLowerCase();
  let items: EntityListItem[];
  if (term) {
    const startsWith = sql`lower(${entity.name}) like ${`${escapeLike(term)}%`}`;
    const [head] = await queryRows<{ total: number }>(
      ctx.db,
      sql`select count(*)::int as total from (select 1 from ${entity} where ${where} and ${startsWith} limit ${rankedHeadCap}) ranked`,
    );
    // So many names start with it (a one-character query) that ranking says nothing: newest first, as without.
    const headTotal = (head?.total ?? 0) < rankedHeadCap ? (head?.total ?? 0) : 0;
    const ranked =
      offset < headTotal
        ? await queryRows<EntityListItem>(
            ctx.db,
            sql`select ${listSelect} from ${entity} where ${where} and ${startsWith}
                order by (lower(name) = ${term}) desc, char_length(name), id desc limit ${pageSize} offset ${offset}`,
          )
        : [];
    const restWhere = headTotal > 0 ? sql`${where} and not ${startsWith}` : where;
    const restRows =
      ranked.length < pageSize
        ? await pageOf(ctx, restWhere, Math.max(0, offset - headTotal), pageSize - ranked.length, probeRows, true)
        : [];
    items = [...ranked, ...restRows];
  } else {
    items = await pageOf(ctx, where, offset, pageSize, probeRows, false);
  }
  if (page === 1 && items.length < pageSize) return { items, total: items.length, totalIsCapped: false };
  const [counted] = await queryRows<{ total: number }>(
    ctx.db,
    sql`select count(*)::int as total from (select 1 from ${entity} where ${where} limit ${searchCountCap + 1}) matched`,
  );
  const total = counted?.total ?? 0;
  return total > searchCountCap ? { items, total: searchCountCap, totalIsCapped: true } : { items, total, totalIsCapped: false };
}

/** One page of `where`, newest first: from the newest rows in scope when they hold it, else from the whole table. */
async function pageOf(
  ctx: ActorContext,
  where: SQL,
  offset: number,
  pageSize: number,
  probeRows: number,
  isTextQuery: boolean,
): Promise<EntityListItem[]> {
  const isShallow = offset + pageSize <= probeRows;
  // Only within one district: across several, Citus cannot apply the correlated filters (licences) to the merged
  // probe of every shard, and a city-wide page is found on the indexes below.
  if (isShallow && ctx.actor.districtCodes.length === 1) {
    // The newest rows in scope, as a subquery named like the table so that `where` applies to it unchanged.
    const probed = await queryRows<EntityListItem>(
      ctx.db,
      sql`select ${listSelect} from (select * from ${entity} where ${entityScope(ctx.actor)} order by ${entity.id} desc limit ${probeRows}) as entity
          where ${where} order by id desc limit ${offset + pageSize}`,
    );
    if (probed.length === offset + pageSize) return probed.slice(offset);
  }
  // A text query the probe could not serve is rare near the top: force its indexes (`id + 0`), since the
  // planner, misjudging n-gram frequencies, would walk the primary key through the table. Filters alone
  // (status, street, category…) keep the plain order: their btree indexes walk newest-first themselves.
  const order = isShallow && isTextQuery ? sql`${entity.id} + 0 desc` : sql`${entity.id} desc`;
  return queryRows<EntityListItem>(
    ctx.db,
    sql`select ${listSelect} from ${entity} where ${where} order by ${order} limit ${pageSize} offset ${offset}`,
  );
}
