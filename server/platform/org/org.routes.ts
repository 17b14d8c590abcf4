import { and, asc, eq, inArray } from 'drizzle-orm';
import { actorContextOf } from '../http/context.ts';
import { listOf, type RoutePlugin, requireRole } from '../http/routes.ts';
import { OrgUnitView, StreetView } from './org.schemas.ts';
import { orgUnit, stationStreet, street } from './org.tables.ts';

/** The organisation of the actor's own district: units, and streets with the station covering each. */
export const orgRoutes: RoutePlugin = (app, platform) => {
  app.get(
    '/api/v1/org/units',
    { preHandler: requireRole(), schema: { tags: ['org'], response: { 200: listOf(OrgUnitView) } } },
    async (request) => {
      const ctx = actorContextOf(platform, request);
      const items = await ctx.db
        .select({ id: orgUnit.id, kind: orgUnit.kind, name: orgUnit.name, nameEn: orgUnit.nameEn, parentId: orgUnit.parentId })
        .from(orgUnit)
        .where(inArray(orgUnit.districtCode, [ctx.actor.districtCode]))
        .orderBy(asc(orgUnit.id));
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/v1/org/streets',
    { preHandler: requireRole(), schema: { tags: ['org'], response: { 200: listOf(StreetView) } } },
    async (request) => {
      const ctx = actorContextOf(platform, request);
      const items = await ctx.db
        .select({ code: street.code, name: street.name, nameEn: street.nameEn, stationId: stationStreet.stationId })
        .from(street)
        .leftJoin(stationStreet, and(eq(stationStreet.districtCode, street.districtCode), eq(stationStreet.streetCode, street.code)))
        .where(eq(street.districtCode, ctx.actor.districtCode))
        .orderBy(asc(street.code));
      return { items, total: items.length };
    },
  );
};
