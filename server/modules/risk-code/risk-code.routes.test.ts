import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import type { ProbeWorld } from '../../test/scope-probe.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { ColourFacts } from './rules/risk-colour.ts';
import type { FactSource } from './service/colour-facts.ts';
import { recomputeColours } from './service/recompute.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
const world = (): ProbeWorld => ({ home, other, call });
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

const fakeSource =
  (facts: Partial<ColourFacts>): FactSource =>
  async (_ctx, input) =>
    new Map(input.entityIds.map((id) => [id, facts]));

describe('five-colour code', () => {
  it('gives a new catering unit a code and colour, with explanation, and recomputes on each kind of fact', async () => {
    const id = await cateringShop(world(), '测试饭店');
    const first = await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`);
    expect(first.status).toBe(200);
    const view = first.body as Json;
    expect(view.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(view.token).not.toBe(String(id));
    expect(view.colour).toBe('blue'); // 饭店 → large_restaurant, no risk grade yet (U) → blue
    expect((view.explanation as Json).summary).toContain('蓝码');

    const ctx = systemContext(platform);
    const clean: Partial<ColourFacts> = {
      riskGrade: 'A',
      latestInspection: { on: '2026-02-01', result: 'compliant' },
      openRectifications: 0,
      certificateComplianceBasisPoints: 10_000,
      complaints12m: 0,
      failedSamples12m: 0,
      penaltyCases12m: 0,
      majorCases12m: 0,
    };
    const colourAfter = async (facts: Partial<ColourFacts>) => {
      await recomputeColours(ctx, {
        districtCode: home.code,
        entityIds: [id],
        trigger: 'fact',
        sources: [fakeSource({ ...clean, ...facts })],
      });
      return ((await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json).colour;
    };
    expect(await colourAfter({})).toBe('green');
    expect(await colourAfter({ riskGrade: 'C' })).toBe('yellow');
    expect(await colourAfter({ latestInspection: { on: '2026-02-01', result: 'non-compliant' } })).toBe('orange');
    expect(await colourAfter({ openRectifications: 1 })).toBe('yellow');
    expect(await colourAfter({ certificateComplianceBasisPoints: 8_000 })).toBe('yellow');
    expect(await colourAfter({ complaints12m: 3 })).toBe('yellow');
    expect(await colourAfter({ failedSamples12m: 1 })).toBe('orange');
    expect(await colourAfter({ penaltyCases12m: 1, majorCases12m: 1 })).toBe('black');
    const unchanged = await recomputeColours(ctx, {
      districtCode: home.code,
      entityIds: [id],
      trigger: 'job',
      sources: [fakeSource({ ...clean, penaltyCases12m: 1, majorCases12m: 1 })],
    });
    expect(unchanged.recomputed).toBe(0); // same facts hash → skipped
    const history = ((await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json).history as Json[];
    // null→blue, →green, →yellow, →orange, →yellow, →orange, →black: unchanged colours leave no history row
    expect(history[0]).toMatchObject({ fromColour: 'orange', toColour: 'black', trigger: 'fact' });
    expect(history.length).toBe(7);
  });

  it('serves the public page without personal data, with ETag/304, stable token, 404 when revoked', async () => {
    const id = await cateringShop(world(), '公开页饭店');
    const token = ((await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json).token as string;
    const again = ((await call(home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`)).body as Json).token;
    expect(again).toBe(token);
    const page = await app.inject({ method: 'GET', url: `/p/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('公开页饭店');
    expect(page.body).toContain('/public/complaints/new?district=');
    expect(page.body).not.toContain('王五'); // legal representative
    const withoutCreditCode = page.body.replace(/[0-9A-Z]{18}/g, (code) => (/^9[123]/.test(code) ? '' : code));
    expect(page.body).not.toContain('11010519491231002X'); // the legal representative's ID number
    expect(withoutCreditCode).not.toMatch(/\d{17}[\dX]/); // no ID number
    expect(withoutCreditCode).not.toMatch(/1[3-9]\d{9}/); // no mobile number
    expect(page.body).not.toContain('<script');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30_000);
    const etag = page.headers.etag as string;
    expect((await app.inject({ method: 'GET', url: `/p/${token}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await app.inject({ method: 'GET', url: `/p/${token}?lang=en` })).body).toContain('Make a complaint');
    expect((await app.inject({ method: 'GET', url: `/p/${token}/qr.svg` })).body).toContain('<svg');
    expect((await app.inject({ method: 'GET', url: '/p/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await call(home.users.section.username, 'POST', `/api/v1/risk-code/entities/${id}/revoke`, { reason: '停业' })).status).toBe(
      200,
    );
    const gone = await app.inject({ method: 'GET', url: `/p/${token}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('未找到该码');
  });

  it('validates the colour table and keeps versions; draws the map; prints stickers; publishes open data', async () => {
    const bad = await call(home.users.section.username, 'POST', '/api/v1/risk-code/colour-tables', {
      effectiveFrom: '2026-01-01',
      cells: { other: { A: 'red' } },
      escalations: {},
      note: '',
    });
    expect(bad.status).toBe(400);
    const tables = await call(home.users.inspector1.username, 'GET', '/api/v1/risk-code/colour-tables');
    expect((tables.body as Json).isBureauSetting).toBe(true);
    const map = await call(home.users.section.username, 'GET', `/api/v1/risk-code/map?streetCode=${home.stations[0].streetCode}`);
    expect(map.status).toBe(200);
    expect((map.body as Json).total).toBeGreaterThan(0);
    const stickers = await call(home.users.section.username, 'GET', `/api/v1/risk-code/stickers?streetCode=${home.stations[0].streetCode}`);
    expect(String(stickers.body)).toContain('page-break-after:always');
    const open = await app.inject({ method: 'GET', url: `/api/open/v1/ratings?district=${home.code}` });
    expect(open.statusCode).toBe(200);
    const items = open.json().items as Json[];
    expect(items.length).toBeGreaterThan(0);
    expect(JSON.stringify(items)).not.toContain('王五');
    const csv = await app.inject({ method: 'GET', url: `/api/open/v1/ratings?district=${home.code}&format=csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.toString('utf8').startsWith('\uFEFFcreditCode,pageToken,name,licenceNumber,')).toBe(true);
    expect(csv.body).toContain(`"${items[0]?.creditCode}","${items[0]?.pageToken}"`);
  });
});

describe('workshop lists', () => {
  it('published snapshots are immutable', async () => {
    const published = await call(home.users.section.username, 'POST', '/api/v1/workshops/snapshots', { period: '2026-02' });
    expect(published.status).toBe(201);
    expect((await call(home.users.section.username, 'POST', '/api/v1/workshops/snapshots', { period: '2026-02' })).status).toBe(409);
    await expect(
      platform.database.db.execute(sql`update ws_snapshot set entries = '[]' where district_code = ${home.code}`),
    ).rejects.toThrow();
    await expect(platform.database.db.execute(sql`delete from ws_snapshot where district_code = ${home.code}`)).rejects.toThrow();
    const page = await app.inject({ method: 'GET', url: `/public/workshop-lists/${home.code}` });
    expect(page.body).toContain('2026-02');
  });
});
