import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { servicePointNotFound } from '../pharmacies.errors.ts';
import type { ServicePointBody, ServicePointKind, ServicePointView } from '../pharmacies.schemas.ts';
import { phServicePoint } from '../pharmacies.tables.ts';
import { pharmacyInScope } from './registrations.ts';

const view = (row: typeof phServicePoint.$inferSelect): ServicePointView => ({
  id: row.id,
  kind: row.kind as ServicePointKind,
  name: row.name,
  pharmacyId: row.pharmacyId,
  streetCode: row.streetCode,
  address: row.address,
  serviceArea: row.serviceArea,
  hours: row.hours,
  phone: row.phone,
  openedOn: row.openedOn,
  closedOn: row.closedOn,
});

const scope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: phServicePoint.districtCode, street: phServicePoint.streetCode, entity: phServicePoint.pharmacyId });

/** Remote dispensing points and 24-hour delivery pharmacies in the actor's scope. */
export async function listServicePoints(ctx: ActorContext) {
  const rows = await ctx.db.select().from(phServicePoint).where(scope(ctx)).orderBy(asc(phServicePoint.kind), asc(phServicePoint.id));
  return { items: rows.map(view), total: rows.length };
}

export async function getServicePoint(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(phServicePoint)
    .where(and(scope(ctx), eq(phServicePoint.id, id)));
  if (!row) throw servicePointNotFound();
  return view(row);
}

export async function createServicePoint(ctx: ActorContext, body: ServicePointBody): Promise<ServicePointView> {
  if (body.pharmacyId) await pharmacyInScope(ctx, body.pharmacyId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(phServicePoint)
      .values({
        districtCode: ctx.actor.districtCode,
        ...body,
        pharmacyId: body.pharmacyId ?? null,
        hours: body.hours ?? '',
        phone: body.phone ?? '',
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('service point not stored');
    await writeAudit({ ...ctx, db: tx }, { action: 'pharmacies.service_point.create', objectType: 'ph_service_point', objectId: row.id });
    return view(row);
  });
}

/** Closes a point (kept on record, gone from the public page). */
export async function closeServicePoint(ctx: ActorContext, id: number, closedOn: string): Promise<ServicePointView> {
  await getServicePoint(ctx, id);
  const [row] = await ctx.db
    .update(phServicePoint)
    .set({ closedOn })
    .where(and(scope(ctx), eq(phServicePoint.id, id)))
    .returning();
  if (!row) throw servicePointNotFound();
  await writeAudit(ctx, { action: 'pharmacies.service_point.close', objectType: 'ph_service_point', objectId: row.id });
  return view(row);
}

/** The open points of a district, for its public page (no sign-in; no personal data is stored on a point). */
export async function publicServicePoints(ctx: ServiceContext, districtCode: string, today: string) {
  const rows = await ctx.db
    .select()
    .from(phServicePoint)
    .where(
      and(
        eq(phServicePoint.districtCode, districtCode),
        sql`${phServicePoint.openedOn} <= ${today}::date`,
        or(isNull(phServicePoint.closedOn), sql`${phServicePoint.closedOn} > ${today}::date`),
      ),
    )
    .orderBy(asc(phServicePoint.kind), asc(phServicePoint.id));
  return rows.map(view);
}
