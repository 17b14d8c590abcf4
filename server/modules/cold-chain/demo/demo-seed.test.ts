import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { readFirstSheet } from '../../../platform/spreadsheets/xlsx.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { parseEpcisDocument } from '../rules/epcis-document.ts';
import { demoColdChain, seedColdChainDemo } from './demo-seed.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let cookie = '';
let seedMs = 0;

const today = '2026-03-02';
const businesses: [string, string, string][] = [
  ['甬港冷链仓储有限公司', 'other', 'G59'],
  ['宁波海联进出口有限公司', 'other', 'F51'],
  ['宁波明州冻品食品商行', 'food_retail', 'F52'],
  ['宁波甬江水产食品商行', 'food_retail', 'F52'],
  ['宁波三江超市有限公司', 'food_retail', 'F52'],
  ['宁波海鲜大排档餐饮有限公司', 'catering', 'H62'],
  ['宁波东钱湖火锅餐饮有限公司', 'catering', 'H62'],
];

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/cold-chain${url}`, headers: { cookie, 'accept-language': 'en' } });
  return response;
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  cookie = await signIn(app, home.users.section.username);
  for (const [index, [name, category, industryCode]] of businesses.entries()) {
    const body = `91${home.code}0000${String(index).padStart(3, '0')}${String(Date.now() % 10)}0`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name,
        kind: 'enterprise',
        legalRepName: '赵六',
        legalRepIdNumber: '11010519491231002X',
        industryCode,
        foundedOn: '2010-05-01',
        address: `冷链路${index}号`,
        streetCode: (index % 2 === 0 ? home.stations[0] : home.stations[1]).streetCode,
        businessCategory: category,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  platform.clock.set('2026-03-02T02:00:00Z');
  const started = performance.now();
  await seedColdChainDemo(home.ctx, { districtCode: home.code, random: createRandom('demo:cold-chain').float, today });
  seedMs = performance.now() - started;
  cookie = await signIn(app, home.users.section.username);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the cold-chain demo', () => {
  it('flows from November 2020 to today, with exactly the three gaps it leaves', async () => {
    console.info(`cold-chain demo: ${Math.round(seedMs)} ms`);
    // 6.6 s alone on PGlite (the demo's budget is < 10 s); not asserted, a loaded machine doubles it.
    expect(seedMs).toBeGreaterThan(0);
    const batches = (await get('/batches?pageSize=1')).json() as { total: number };
    // One every 4 days from 2020-11-02 to 2026-03-01.
    expect(batches.total).toBe(487);
    const findings = (await get('/findings?pageSize=50')).json() as { items: { kind: string; amount: string; openedOn: string }[] };
    expect(findings.items.map((finding) => [finding.kind, Number(finding.amount)]).sort()).toEqual([
      ['loop_gap', demoColdChain.loopGapMilli / 1000],
      ['oversell', demoColdChain.oversellMilli / 1000],
      ['shipped_not_received', expect.any(Number)],
    ]);
    const figures = (
      await app.inject({ method: 'GET', url: '/api/v1/figures?period=2020&module=cold-chain', headers: { cookie } })
    ).json() as { items: { key: string; value: number | null }[] };
    const value = (key: string) => figures.items.find((figure) => figure.key === key)?.value;
    expect(value('cold-chain.batches')).toBe(demoColdChain.batches2020);
    expect(value('cold-chain.certified-rate')).toBe(100);
    expect(value('cold-chain.scan-coverage')).toBe(100);
  });

  it('shows a batch with its three certificates (real PDFs), its lots, and a balanced loop at every holder', async () => {
    const list = (await get('/batches?pageSize=5&page=20')).json() as { items: { id: number }[] };
    const id = list.items[0]?.id as number;
    const detail = (await get(`/batches/${id}`)).json() as {
      certificates: { id: number }[];
      lots: unknown[];
      balances: { received: string; out: string; disposed: string; stock: string }[];
    };
    expect(detail.certificates).toHaveLength(3);
    expect(detail.lots).toHaveLength(5);
    for (const balance of detail.balances) expect(Number(balance.stock)).toBe(0);
    const file = await get(`/certificates/${detail.certificates[0]?.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports a batch as an EPCIS 2.0 document that the GS1 schema and our reader take back unchanged', async () => {
    const list = (await get('/batches?pageSize=5&page=20')).json() as { items: { id: number; traceCode: string }[] };
    const batch = list.items[0] as { id: number; traceCode: string };
    const detail = (await get(`/batches/${batch.id}`)).json() as {
      events: { eventId: string; step: string; code: string; quantity: string; outputCodes: string[] }[];
    };
    const response = await get(`/batches/${batch.id}/epcis`);
    expect(response.statusCode).toBe(200);
    const parsed = parseEpcisDocument(response.json());
    if (!('events' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    expect(
      parsed.events.map((event) => [event.eventId, event.step, event.code, event.milli / 1000, event.outputs.map((o) => o.code)]),
    ).toEqual(detail.events.map((event) => [event.eventId, event.step, event.code, Number(event.quantity), event.outputCodes]));
    expect(parsed.events.filter((event) => event.step === 'ship').every((event) => event.counterpartCreditCode)).toBe(true);
    const other = await createTestDistrict(platform);
    const stranger = await signIn(app, other.users.section.username);
    const hidden = await app.inject({ method: 'GET', url: `/api/v1/cold-chain/batches/${batch.id}/epcis`, headers: { cookie: stranger } });
    expect(hidden.statusCode).toBe(404);
  });

  it('exports the FSMA 204 sortable spreadsheet: one row per CTE with its key data elements', async () => {
    const response = await get('/fsma204.xlsx?from=2020-11-01&to=2020-11-30');
    expect(response.statusCode).toBe(200);
    const rows = (await readFirstSheet(response.rawPayload)) ?? [];
    expect(rows[0]?.values.slice(0, 5)).toEqual([
      'Traceability Lot Code (TLC)',
      'Product Description',
      'Quantity',
      'Unit of Measure',
      'Critical Tracking Event (CTE)',
    ]);
    const ctes = new Set(rows.slice(1).map((row) => row.values[4]));
    expect([...ctes].sort()).toEqual(['Initial Receiving (import)', 'Receiving', 'Shipping', 'Transformation']);
    const tlcs = rows.slice(1).map((row) => row.values[0] as string);
    expect(tlcs).toEqual([...tlcs].sort());
    const bad = await get('/fsma204.xlsx?from=2021-01-02&to=2021-01-01');
    expect(bad.statusCode).toBe(400);
  });
});
