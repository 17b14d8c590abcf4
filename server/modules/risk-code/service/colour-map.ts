import { and, asc, eq, or } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { street } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { areaNotFound } from '../risk-code.errors.ts';
import type { AreaInput, ColourMapView, MapArea } from '../risk-code.schemas.ts';
import { rcMapArea, rcSubject } from '../risk-code.tables.ts';
import { boundsOf, intersectConvex, isValidRing, type LngLat, nearestCentreCells, pointInRing, type Ring } from '../rules/area-outline.ts';
import { type Colour, type ColourFacts, colours } from '../rules/risk-colour.ts';

export type { AreaKind } from '../risk-code.schemas.ts';

function areaView(row: typeof rcMapArea.$inferSelect): MapArea {
  return { id: row.id, kind: row.kind, name: row.name, streetCode: row.streetCode, outline: row.outline as Ring };
}

export async function listAreas(ctx: ActorContext) {
  const rows = await ctx.db
    .select()
    .from(rcMapArea)
    .where(eq(rcMapArea.districtCode, ctx.actor.districtCode))
    .orderBy(asc(rcMapArea.kind), asc(rcMapArea.streetCode), asc(rcMapArea.id));
  return { items: rows.map(areaView), total: rows.length };
}

async function areaRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(rcMapArea)
    .where(and(eq(rcMapArea.districtCode, ctx.actor.districtCode), eq(rcMapArea.id, id)));
  if (!row) throw areaNotFound();
  return row;
}

async function checkArea(ctx: ActorContext, input: Partial<AreaInput>) {
  if (input.outline !== undefined && !isValidRing(input.outline))
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'outline',
        code: 'invalid',
        message: {
          'zh-CN': '轮廓须为至少 3 个不共线的 [经度, 纬度] 点',
          en: 'the outline needs at least 3 [lng, lat] points not on one line',
        },
      },
    ]);
  if (input.streetCode) {
    const [found] = await ctx.db
      .select({ code: street.code })
      .from(street)
      .where(and(eq(street.districtCode, ctx.actor.districtCode), eq(street.code, input.streetCode)));
    if (!found)
      throw invalidRequest({}, [
        { in: 'body', field: 'streetCode', code: 'invalid', message: { 'zh-CN': '本区没有该街道', en: 'no such street in this district' } },
      ]);
  }
}

export async function createArea(ctx: ActorContext, input: AreaInput) {
  await checkArea(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rcMapArea)
      .values({
        districtCode: ctx.actor.districtCode,
        kind: input.kind,
        name: input.name,
        streetCode: input.streetCode ?? null,
        outline: input.outline as Ring,
      })
      .returning();
    const saved = row as typeof rcMapArea.$inferSelect;
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'risk_code.area.create', objectType: 'rc_map_area', objectId: saved.id, detail: { kind: saved.kind, name: saved.name } },
    );
    return areaView(saved);
  });
}

export async function updateArea(ctx: ActorContext, id: number, input: Partial<AreaInput>) {
  const before = await areaRow(ctx, id);
  await checkArea(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(rcMapArea)
      .set({
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.streetCode !== undefined ? { streetCode: input.streetCode } : {}),
        ...(input.outline ? { outline: input.outline as Ring } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(rcMapArea.districtCode, before.districtCode), eq(rcMapArea.id, id)))
      .returning();
    const saved = row as typeof rcMapArea.$inferSelect;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'risk_code.area.update',
        objectType: 'rc_map_area',
        objectId: id,
        detail: {
          from: { name: before.name, kind: before.kind },
          to: { name: saved.name, kind: saved.kind },
          outline: Boolean(input.outline),
        },
      },
    );
    return areaView(saved);
  });
}

export async function deleteArea(ctx: ActorContext, id: number) {
  const before = await areaRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(rcMapArea).where(and(eq(rcMapArea.districtCode, before.districtCode), eq(rcMapArea.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'risk_code.area.delete', objectType: 'rc_map_area', objectId: id, detail: { name: before.name, kind: before.kind } },
    );
  });
}

/**
 * The five-colour map 五色图 of the district, a street or an area (pedestrian street, complex): outlines,
 * bounds, every catering unit as a point, counts per colour and coverage. Inspectors see their streets' units.
 */
export async function colourMap(
  ctx: ActorContext,
  query: { streetCode?: string; areaId?: number },
  options: { hasTiles: boolean },
): Promise<ColourMapView> {
  const districtCode = ctx.actor.districtCode;
  const area = query.areaId ? areaView(await areaRow(ctx, query.areaId)) : null;
  const subjects = await ctx.db
    .select({ entityId: rcSubject.entityId, colour: rcSubject.colour, facts: rcSubject.facts, streetCode: rcSubject.streetCode })
    .from(rcSubject)
    .where(
      and(
        scopeWhere(ctx.actor, { district: rcSubject.districtCode, street: rcSubject.streetCode, entity: rcSubject.entityId }),
        eq(rcSubject.businessCategory, 'catering'),
        query.streetCode ? eq(rcSubject.streetCode, query.streetCode) : undefined,
      ),
    )
    .orderBy(asc(rcSubject.entityId));
  const profiles = new Map(
    (await entityPublicProfiles(ctx, districtCode, { entityIds: subjects.map((s) => s.entityId) })).map((p) => [p.id, p]),
  );
  const counts = Object.fromEntries(colours.map((colour) => [colour, 0])) as Record<Colour, number>;
  let inspectedAndCoded = 0;
  const points = subjects.flatMap((subject) => {
    const profile = profiles.get(subject.entityId);
    if (profile?.status !== 'active') return [];
    const lng = profile.lng === null ? null : Number(profile.lng);
    const lat = profile.lat === null ? null : Number(profile.lat);
    // An area of a street counts only the units registered in that street, so a street's areas never count a
    // neighbour's units and the street views add up to the district's.
    if (area?.streetCode && subject.streetCode !== area.streetCode) return [];
    if (area && (lng === null || lat === null || !pointInRing([lng, lat], area.outline))) return [];
    if (subject.colour) counts[subject.colour] += 1;
    const facts = subject.facts as ColourFacts;
    const inspected = Boolean(subject.colour && facts.latestInspection);
    if (inspected) inspectedAndCoded += 1;
    return [
      {
        entityId: subject.entityId,
        name: profile.name,
        address: profile.address,
        streetCode: subject.streetCode,
        colour: subject.colour,
        inspectedAndCoded: inspected,
        latestInspectionOn: facts.latestInspection?.on ?? null,
        lng,
        lat,
      },
    ];
  });
  const outlineRows = await ctx.db
    .select()
    .from(rcMapArea)
    .where(
      and(
        eq(rcMapArea.districtCode, districtCode),
        area ? or(eq(rcMapArea.id, area.id), area.streetCode ? eq(rcMapArea.streetCode, area.streetCode) : undefined) : undefined,
        !area && query.streetCode ? eq(rcMapArea.streetCode, query.streetCode) : undefined,
      ),
    )
    .orderBy(asc(rcMapArea.kind), asc(rcMapArea.id));
  const areas = outlineRows.map(areaView);
  const located = points.flatMap((p) => (p.lng === null || p.lat === null ? [] : [[p.lng, p.lat] as LngLat]));
  const bounds = boundsOf(area ? area.outline : [...areas.flatMap((a) => a.outline), ...located]);
  const streets = await ctx.db
    .select({ code: street.code, name: street.name, nameEn: street.nameEn })
    .from(street)
    .where(eq(street.districtCode, districtCode))
    .orderBy(asc(street.code));
  return {
    area,
    areas,
    bounds,
    streets,
    points,
    counts,
    total: points.length,
    /** Share (basis points) of units inspected and coded; 10000 = 100% (the pilot-street case). */
    coverageBasisPoints: points.length ? Math.floor((inspectedAndCoded * 10_000) / points.length) : 0,
    hasTiles: options.hasTiles,
  };
}

/** The pilot pedestrian street of the 2020 summary (以宁大步行街改造升级为契机 … 打造智慧监管样板). */
export const pilotStreetName = '宁大步行街';

/**
 * Demo areas: one outline per street, the pilot pedestrian street 宁大步行街 (a narrow box through the middle of
 * the first street, inside its outline) and one complex (in the second street). Street outlines tile the district
 * without overlap: the given ones (the demo's, keyed by street name), or else the district's extent (its units,
 * padded) split by nearest street centre, the mean of each street's units. Deterministic.
 */
export async function seedMapAreas(
  ctx: ServiceContext,
  districtCode: string,
  outlinesByStreetName?: ReadonlyMap<string, Ring>,
): Promise<void> {
  const streets = await ctx.db
    .select({ code: street.code, name: street.name })
    .from(street)
    .where(eq(street.districtCode, districtCode))
    .orderBy(asc(street.code));
  const subjects = await ctx.db
    .select({ entityId: rcSubject.entityId })
    .from(rcSubject)
    .where(and(eq(rcSubject.districtCode, districtCode), eq(rcSubject.businessCategory, 'catering')));
  const profiles = await entityPublicProfiles(ctx, districtCode, { entityIds: subjects.map((s) => s.entityId) });
  const byStreet = new Map<string, LngLat[]>();
  for (const profile of profiles) {
    if (profile.status !== 'active' || profile.lng === null || profile.lat === null) continue;
    const list = byStreet.get(profile.streetCode) ?? [];
    list.push([Number(profile.lng), Number(profile.lat)]);
    byStreet.set(profile.streetCode, list);
  }
  const placed = streets.filter(({ code, name }) => outlinesByStreetName?.has(name) || (byStreet.get(code)?.length ?? 0) > 0);
  const outlines = new Map<string, Ring>();
  if (outlinesByStreetName) {
    for (const { code, name } of placed) {
      const outline = outlinesByStreetName.get(name);
      if (outline) outlines.set(code, outline);
    }
  } else {
    const extent = boundsOf([...byStreet.values()].flat());
    if (extent) {
      const pad = 0.002;
      const centres = placed.map(({ code }) => {
        const points = byStreet.get(code) as LngLat[];
        return [
          points.reduce((sum, p) => sum + p[0], 0) / points.length,
          points.reduce((sum, p) => sum + p[1], 0) / points.length,
        ] as LngLat;
      });
      const cells = nearestCentreCells(centres, {
        west: extent.west - pad,
        south: extent.south - pad,
        east: extent.east + pad,
        north: extent.north + pad,
      });
      placed.forEach(({ code }, index) => {
        outlines.set(code, cells[index] as Ring);
      });
    }
  }
  const rows: (typeof rcMapArea.$inferInsert)[] = [];
  for (const { code, name } of streets) {
    const outline = outlines.get(code);
    if (outline) rows.push({ districtCode, kind: 'street', name, streetCode: code, outline });
  }
  const withUnits = streets.filter(({ code }) => (byStreet.get(code)?.length ?? 0) > 0);
  const pilot = withUnits[0];
  const complexStreet = withUnits[1] ?? pilot;
  for (const [place, name, kind, halfWidth, halfHeight] of [
    [pilot, pilotStreetName, 'pedestrian_street', 0.004, 0.0008],
    [complexStreet, '明州印象城', 'complex', 0.0012, 0.001],
  ] as const) {
    if (!place) continue;
    const box = boundsOf(byStreet.get(place.code) ?? []);
    if (!box) continue;
    const [cx, cy] = [(box.west + box.east) / 2, (box.south + box.north) / 2];
    const r = (value: number) => Math.round(value * 1e6) / 1e6;
    const rectangle: Ring = [
      [r(cx - halfWidth), r(cy - halfHeight)],
      [r(cx + halfWidth), r(cy - halfHeight)],
      [r(cx + halfWidth), r(cy + halfHeight)],
      [r(cx - halfWidth), r(cy + halfHeight)],
    ];
    const streetOutline = outlines.get(place.code);
    // An area lies within its street: the part of the box outside the street's outline is cut off.
    const outline = streetOutline ? intersectConvex(rectangle, streetOutline) : rectangle;
    if (isValidRing(outline)) rows.push({ districtCode, kind, name, streetCode: place.code, outline });
  }
  if (rows.length) await ctx.db.insert(rcMapArea).values(rows);
}
