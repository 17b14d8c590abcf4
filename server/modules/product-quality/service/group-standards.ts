import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { groupStandardCodeTaken, groupStandardNotFound } from '../product-quality.errors.ts';
import type {
  GroupStandardBody,
  GroupStandardList,
  GroupStandardQuery,
  GroupStandardUpdateBody,
  GroupStandardView,
} from '../product-quality.schemas.ts';
import { pqBrandFirm, pqGroupStandard } from '../product-quality.tables.ts';

type Row = typeof pqGroupStandard.$inferSelect;

const standardScope = (ctx: ActorContext): SQL =>
  scopeWhere(ctx.actor, { district: pqGroupStandard.districtCode, street: pqGroupStandard.streetCode, entity: pqGroupStandard.entityId });

const view = (row: Row): GroupStandardView => ({
  id: row.id,
  code: row.code,
  title: row.title,
  association: row.association,
  entityId: row.entityId,
  entityName: row.entityName,
  streetCode: row.streetCode,
  brandFirmId: row.brandFirmId,
  publishedOn: row.publishedOn,
  implementedOn: row.implementedOn,
  status: row.status,
});

/** 团体标准 led by firms in the actor's scope, newest first, with the number published per year. */
export async function listGroupStandards(ctx: ActorContext, query: GroupStandardQuery): Promise<GroupStandardList> {
  const scope = standardScope(ctx);
  const where = and(
    scope,
    query.year ? sql`${pqGroupStandard.publishedOn} between ${`${query.year}-01-01`}::date and ${`${query.year}-12-31`}::date` : undefined,
    query.status ? eq(pqGroupStandard.status, query.status) : undefined,
    query.entityId ? eq(pqGroupStandard.entityId, query.entityId) : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(pqGroupStandard).where(where);
  const rows = await ctx.db
    .select()
    .from(pqGroupStandard)
    .where(where)
    .orderBy(desc(pqGroupStandard.publishedOn), desc(pqGroupStandard.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const byYear = await ctx.db
    .select({ year: sql<number>`extract(year from ${pqGroupStandard.publishedOn})::int`, standards: sql<number>`count(*)::int` })
    .from(pqGroupStandard)
    .where(scope)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return { items: rows.map(view), total, byYear };
}

async function standardRow(ctx: ActorContext, id: number): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(pqGroupStandard)
    .where(and(standardScope(ctx), eq(pqGroupStandard.id, id)));
  if (!row) throw groupStandardNotFound();
  return row;
}

export async function getGroupStandard(ctx: ActorContext, id: number): Promise<GroupStandardView> {
  return view(await standardRow(ctx, id));
}

function checkDates(dates: { publishedOn: string; implementedOn: string | null }, today: string) {
  const bad = [];
  if (dates.publishedOn > today)
    bad.push({
      in: 'body',
      field: 'publishedOn',
      code: 'future',
      message: { 'zh-CN': '发布日期不能晚于今天', en: 'The publication day cannot be in the future' },
    });
  if (dates.implementedOn !== null && dates.implementedOn < dates.publishedOn)
    bad.push({
      in: 'body',
      field: 'implementedOn',
      code: 'before_publication',
      message: { 'zh-CN': '实施日期不能早于发布日期', en: 'The standard cannot take effect before it is published' },
    });
  if (bad.length) throw invalidRequest({}, bad);
}

async function codeTaken(ctx: ActorContext, districtCode: string, code: string, exceptId?: number) {
  const [taken] = await ctx.db
    .select({ id: pqGroupStandard.id })
    .from(pqGroupStandard)
    .where(and(eq(pqGroupStandard.districtCode, districtCode), eq(pqGroupStandard.code, code)));
  return taken !== undefined && taken.id !== exceptId;
}

/** Records a group standard led by a registry entity of the district; linked to its 品字标 firm record when it has one. */
export async function createGroupStandard(ctx: ActorContext, body: GroupStandardBody): Promise<GroupStandardView> {
  const code = body.code.trim();
  checkDates({ publishedOn: body.publishedOn, implementedOn: body.implementedOn ?? null }, todayInChina(ctx.clock.now()));
  const entity = await findEntityForModule(ctx, body.entityId);
  if (await codeTaken(ctx, entity.districtCode, code)) throw groupStandardCodeTaken();
  const [firm] = await ctx.db
    .select({ id: pqBrandFirm.id })
    .from(pqBrandFirm)
    .where(and(eq(pqBrandFirm.districtCode, entity.districtCode), eq(pqBrandFirm.entityId, entity.id)));
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pqGroupStandard)
      .values({
        districtCode: entity.districtCode,
        code,
        title: body.title.trim(),
        association: body.association.trim(),
        entityId: entity.id,
        entityName: entity.name,
        streetCode: entity.streetCode,
        brandFirmId: firm?.id ?? null,
        publishedOn: body.publishedOn,
        implementedOn: body.implementedOn ?? null,
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.group_standard.create', objectType: 'pq_group_standard', objectId: row?.id },
    );
    return row as Row;
  });
  return view(saved);
}

/** Corrects a group standard or marks it withdrawn; the leading firm stays. */
export async function updateGroupStandard(ctx: ActorContext, id: number, body: GroupStandardUpdateBody): Promise<GroupStandardView> {
  const row = await standardRow(ctx, id);
  const next = {
    code: body.code?.trim() ?? row.code,
    title: body.title?.trim() ?? row.title,
    association: body.association?.trim() ?? row.association,
    publishedOn: body.publishedOn ?? row.publishedOn,
    implementedOn: body.implementedOn === undefined ? row.implementedOn : body.implementedOn,
    status: body.status ?? row.status,
  };
  checkDates(next, todayInChina(ctx.clock.now()));
  if (await codeTaken(ctx, row.districtCode, next.code, id)) throw groupStandardCodeTaken();
  const saved = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pqGroupStandard)
      .set(next)
      .where(and(eq(pqGroupStandard.districtCode, row.districtCode), eq(pqGroupStandard.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'product_quality.group_standard.update',
        objectType: 'pq_group_standard',
        objectId: id,
        detail: { fields: Object.keys(body) },
      },
    );
    return updated as Row;
  });
  return view(saved);
}
