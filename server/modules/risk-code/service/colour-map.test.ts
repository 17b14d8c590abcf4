import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { userEntity } from '../../../platform/auth/auth.tables.ts';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { intersectConvex, type LngLat, pointInRing, type Ring, ringArea } from '../rules/area-outline.ts';
import type { ColourFacts } from '../rules/risk-colour.ts';
import type { FactSource } from './colour-facts.ts';
import { pilotStreetName, seedMapAreas } from './colour-map.ts';
import { ensureSubjects, recomputeColours } from './recompute.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
type Json = Record<string, unknown>;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

let serial = 0;
async function shopAt(district: TestDistrict, streetCode: string, lng: number, lat: number, name = '步行街小吃'): Promise<number> {
  serial += 1;
  const body = `92${district.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  const created = await call(district.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `${name}${serial}`,
    kind: 'individual',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2019-05-01',
    address: `步行街${serial}号`,
    streetCode,
    businessCategory: 'catering',
    lng: lng.toFixed(6),
    lat: lat.toFixed(6),
  });
  if (created.status !== 201) throw new Error(`shop not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const inspected: Partial<ColourFacts> = {
  riskGrade: 'A',
  latestInspection: { on: '2026-02-01', result: 'compliant' },
  openRectifications: 0,
  certificateComplianceBasisPoints: 10_000,
  complaints12m: 0,
  failedSamples12m: 0,
  penaltyCases12m: 0,
  majorCases12m: 0,
};
const source =
  (facts: Partial<ColourFacts>): FactSource =>
  async (_ctx, input) =>
    new Map(input.entityIds.map((id) => [id, facts]));

const box = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
];

describe('five-colour map areas', () => {
  it('the pilot pedestrian street: every unit inside inspected and coded gives exactly 100% coverage; outside units are left out', async () => {
    const streetCode = home.stations[0].streetCode;
    const inside = [
      await shopAt(home, streetCode, 121.5645, 29.853),
      await shopAt(home, streetCode, 121.5655, 29.8531),
      await shopAt(home, streetCode, 121.5651, 29.8529),
    ];
    const outside = await shopAt(home, streetCode, 121.57, 29.86, '街外饭店');
    const ctx = systemContext(platform);
    await ensureSubjects(ctx, home.code);
    await recomputeColours(ctx, { districtCode: home.code, entityIds: inside, trigger: 'fact', sources: [source(inspected)] });
    await recomputeColours(ctx, { districtCode: home.code, entityIds: [outside], trigger: 'fact', sources: [source({})] });

    const section = home.users.section.username;
    const created = await call(section, 'POST', '/api/v1/risk-code/map/areas', {
      kind: 'pedestrian_street',
      name: pilotStreetName,
      streetCode,
      outline: box(121.564, 29.8525, 121.566, 29.8535),
    });
    expect(created.status).toBe(201);
    const area = created.body as Json;
    expect(area).toMatchObject({ kind: 'pedestrian_street', name: '宁大步行街', streetCode });

    const map = await call(section, 'GET', `/api/v1/risk-code/map?areaId=${area.id}`);
    expect(map.status).toBe(200);
    const body = map.body as Json;
    expect((body.points as Json[]).map((p) => p.entityId).sort()).toEqual([...inside].sort());
    expect(body.total).toBe(3);
    expect(body.counts).toEqual({ green: 3, blue: 0, yellow: 0, orange: 0, black: 0 });
    expect(body.coverageBasisPoints).toBe(10_000);
    expect(body.bounds).toEqual({ west: 121.564, south: 29.8525, east: 121.566, north: 29.8535 });
    expect((body.area as Json).name).toBe('宁大步行街');
    expect((body.areas as Json[]).map((a) => a.id)).toContain(area.id);

    // The whole street includes the uninspected unit: coverage below 100%.
    const street = (await call(section, 'GET', `/api/v1/risk-code/map?streetCode=${streetCode}`)).body as Json;
    expect((street.points as Json[]).map((p) => p.entityId)).toContain(outside);
    expect(street.coverageBasisPoints).toBeLessThan(10_000);
    const outsidePoint = (street.points as Json[]).find((p) => p.entityId === outside) as Json;
    expect(outsidePoint).toMatchObject({ inspectedAndCoded: false, lng: 121.57, lat: 29.86 });

    // Inspector 2 (the other station) sees the area but none of these units.
    const foreign = (await call(home.users.inspector2.username, 'GET', `/api/v1/risk-code/map?areaId=${area.id}`)).body as Json;
    expect(foreign.total).toBe(0);
  });

  it('section staff create, list, rename, re-outline and delete areas; bad input names the field; others may not write', async () => {
    const section = home.users.section.username;
    const created = await call(section, 'POST', '/api/v1/risk-code/map/areas', {
      kind: 'complex',
      name: '测试综合体',
      outline: box(121.5, 29.8, 121.501, 29.801),
    });
    expect(created.status).toBe(201);
    const id = (created.body as Json).id as number;
    const listed = (await call(home.users.inspector1.username, 'GET', '/api/v1/risk-code/map/areas')).body as Json;
    expect((listed.items as Json[]).find((a) => a.id === id)).toMatchObject({ name: '测试综合体', kind: 'complex', streetCode: null });
    expect(((await call(other.users.section.username, 'GET', '/api/v1/risk-code/map/areas')).body as Json).items).toEqual([]);

    const renamed = await call(section, 'PUT', `/api/v1/risk-code/map/areas/${id}`, { name: '新名字综合体' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: '新名字综合体', kind: 'complex' });
    const moved = await call(section, 'PUT', `/api/v1/risk-code/map/areas/${id}`, { outline: box(1, 1, 2, 2) });
    expect((moved.body as Json).outline).toEqual(box(1, 1, 2, 2));

    const collinear = await call(section, 'PUT', `/api/v1/risk-code/map/areas/${id}`, {
      outline: [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    });
    expect(collinear.status).toBe(400);
    expect(JSON.stringify(collinear.body)).toContain('outline');
    const badStreet = await call(section, 'POST', '/api/v1/risk-code/map/areas', {
      kind: 'street',
      name: '外区街道',
      streetCode: other.stations[0].streetCode,
      outline: box(0, 0, 1, 1),
    });
    expect(badStreet.status).toBe(400);
    expect(JSON.stringify(badStreet.body)).toContain('streetCode');
    const badKind = await call(section, 'POST', '/api/v1/risk-code/map/areas', { kind: 'park', name: 'x', outline: box(0, 0, 1, 1) });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('kind');
    expect((await call(section, 'PUT', `/api/v1/risk-code/map/areas/${id}`, {})).status).toBe(400);

    const valid = { kind: 'complex', name: '巡查员不可建', outline: box(0, 0, 1, 1) };
    expect((await call(home.users.inspector1.username, 'POST', '/api/v1/risk-code/map/areas', valid)).status).toBe(403);
    expect((await call(home.users.inspector1.username, 'DELETE', `/api/v1/risk-code/map/areas/${id}`)).status).toBe(403);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/risk-code/map/areas')).status).toBe(403);

    expect((await call(section, 'DELETE', `/api/v1/risk-code/map/areas/${id}`)).status).toBe(204);
    expect((await call(section, 'DELETE', `/api/v1/risk-code/map/areas/${id}`)).status).toBe(404);
    expect((await call(section, 'GET', `/api/v1/risk-code/map?areaId=${id}`)).status).toBe(404);
  });

  it('demo areas: street outlines that tile the district (each unit in its own street only; views add up), the pilot street and a complex', async () => {
    const district = await createTestDistrict(platform);
    const [first, second] = district.stations.map((station) => station.streetCode) as [string, string];
    const ids = [
      await shopAt(district, first, 121.56, 29.85),
      await shopAt(district, first, 121.57, 29.85),
      await shopAt(district, first, 121.565, 29.86),
      await shopAt(district, second, 121.6, 29.8),
    ];
    await call(district.users.section.username, 'GET', `/api/v1/risk-code/entities/${ids[0]}`); // makes the subjects
    await seedMapAreas(systemContext(platform), district.code);
    const areas = ((await call(district.users.section.username, 'GET', '/api/v1/risk-code/map/areas')).body as Json).items as Json[];
    expect(areas.map((a) => [a.kind, a.name, a.streetCode])).toEqual([
      ['complex', '明州印象城', second],
      ['pedestrian_street', '宁大步行街', first],
      ['street', '街道1', first],
      ['street', '街道2', second],
    ]);
    const street = (await call(district.users.section.username, 'GET', `/api/v1/risk-code/map?areaId=${areas[2]?.id}`)).body as Json;
    expect(street.total).toBe(3);
    const secondStreet = (await call(district.users.section.username, 'GET', `/api/v1/risk-code/map?areaId=${areas[3]?.id}`)).body as Json;
    expect(secondStreet.total).toBe(1);
    const whole = (await call(district.users.section.username, 'GET', '/api/v1/risk-code/map')).body as Json;
    expect((street.total as number) + (secondStreet.total as number)).toBe(whole.total);
    const [firstOutline, secondOutline] = [areas[2]?.outline, areas[3]?.outline] as [Ring, Ring];
    expect(ringArea(intersectConvex(firstOutline, secondOutline))).toBeLessThan(1e-12);
    for (const point of whole.points as Json[]) {
      const at: LngLat = [point.lng as number, point.lat as number];
      expect([pointInRing(at, firstOutline), pointInRing(at, secondOutline)]).toEqual([
        point.streetCode === first,
        point.streetCode === second,
      ]);
    }
    const pilot = (await call(district.users.section.username, 'GET', `/api/v1/risk-code/map?areaId=${areas[1]?.id}`)).body as Json;
    expect((pilot.area as Json).outline).toEqual(box(121.561, 29.8542, 121.569, 29.8558));
  });

  it('the operator sees the colour, explanation and door sticker of their own shop only', async () => {
    const streetCode = home.stations[0].streetCode;
    const own = await shopAt(home, streetCode, 121.56, 29.85, '经营者饭店');
    const notOwn = await shopAt(home, streetCode, 121.56, 29.85, '别家饭店');
    await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${notOwn}`);
    await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId: own });
    const mine = await call(home.users.operator.username, 'GET', `/api/v1/risk-code/entities/${own}`);
    expect(mine.status).toBe(200);
    expect(((mine.body as Json).explanation as Json).summary).toContain('码');
    expect((mine.body as Json).name).toMatch(/^经营者饭店\d+$/);
    expect((mine.body as Json).facts).toBeTypeOf('object');
    expect((await call(home.users.operator.username, 'GET', `/api/v1/risk-code/entities/${notOwn}`)).status).toBe(404);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/risk-code/map')).status).toBe(403);
    const sticker = await call(home.users.operator.username, 'GET', `/api/v1/risk-code/stickers?entityId=${own}`);
    expect(sticker.status).toBe(200);
    expect(String(sticker.body)).toContain(`${(mine.body as Json).name}</h1>`);
    expect((await call(home.users.operator.username, 'GET', `/api/v1/risk-code/stickers?entityId=${notOwn}`)).status).toBe(404);
    // A street's stickers: only the shops the operator holds.
    const street = String((await call(home.users.operator.username, 'GET', `/api/v1/risk-code/stickers?streetCode=${streetCode}`)).body);
    expect(street.match(/class="sticker"/g)).toHaveLength(1);
  });
});
