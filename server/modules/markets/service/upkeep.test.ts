import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addStallA01,
  call,
  farmersMarketEntity,
  home,
  manager,
  marketId,
  otherMarketId,
  platform,
  setUpMarketsDistrict,
} from './test-setup.ts';

// The market's upkeep as the bureau oversees it: prices, scales and cleaning, the station's check-lists, complaints.
setUpMarketsDistrict();
let stallId = 0;
beforeAll(async () => {
  ({ stallId } = await addStallA01());
});

describe('prices, scales and cleaning', () => {
  it('prices: key products only, flags against the district median and the week before', async () => {
    expect(
      (
        await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, {
          priceOn: '2020-12-08',
          items: [{ product: '猪肉', priceFen: 2600 }],
        })
      ).status,
    ).toBe(200);
    await call(home.users.section.username, 'POST', `/api/v1/markets/${otherMarketId}/prices`, {
      items: [{ product: '猪肉', priceFen: 2500 }],
    });
    const today = await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '猪肉', priceFen: 3300 }] });
    expect(today.status, today.text).toBe(200);
    const pork = (today.body.items as { product: string }[]).find((item) => item.product === '猪肉');
    // median of 3300 and 2500 is 2900: 3300 is 13.8% above (no flag); against 2600 a week before, +26.9% (flag).
    expect(pork).toEqual({ product: '猪肉', priceFen: 3300, districtMedianFen: 2900, weekBeforeFen: 2600, flags: ['week_rise'] });
    const bad = await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '榴莲', priceFen: 100 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('items.0.product');
  });

  it('scales overdue after 12 months; cleaning by level and party', async () => {
    await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'S-1', verifiedOn: '2019-12-14' });
    await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'S-2', verifiedOn: '2019-12-15', stallId });
    const scales = await call(manager(), 'GET', `/api/v1/markets/${marketId}/scales`);
    expect(
      (scales.body.items as { serial: string; validUntil: string; overdue: boolean }[]).map(({ serial, validUntil, overdue }) => ({
        serial,
        validUntil,
        overdue,
      })),
    ).toEqual([
      { serial: 'S-1', validUntil: '2020-12-13', overdue: true },
      { serial: 'S-2', validUntil: '2020-12-14', overdue: true },
    ]);
    const cleaned = await call(manager(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 92 });
    expect(cleaned.body).toMatchObject({ level: 'weekly', party: 'manager', doneOn: '2020-12-15', score: 92 });
    const detail = await call(manager(), 'GET', `/api/v1/markets/${marketId}`);
    expect(detail.body.cleaning).toEqual([
      { level: 'daily', party: 'stall_holder', lastDoneOn: null, overdue: true, averageScore30Days: null },
      { level: 'weekly', party: 'manager', lastDoneOn: '2020-12-15', overdue: false, averageScore30Days: 92 },
      { level: 'monthly', party: 'organiser', lastDoneOn: null, overdue: true, averageScore30Days: null },
    ]);
    expect(detail.body.overdueScales).toBe(2);
  });
});

describe('complaints per market and stall', () => {
  it('counts complaints about the market and its stall holders; short-weight ones beside the scales', async () => {
    const holder = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail', 'individual');
    const stall = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, {
      number: 'C01',
      category: 'meat',
      holderEntityId: holder,
    });
    expect(stall.status, stall.text).toBe(201);
    const stallC = stall.body.id as number;
    // The same holder keeps a second stall in the market: its complaints still count once for the market.
    expect(
      (await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'C02', category: 'meat', holderEntityId: holder }))
        .status,
    ).toBe(201);
    expect(
      (
        await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, {
          serial: 'C-SCALE',
          verifiedOn: '2020-12-01',
          stallId: stallC,
        })
      ).status,
    ).toBe(201);
    const before = (await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body;
    const complain = async (entityId: number, category: string) => {
      const made = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
        kind: 'complaint',
        channel: 'hotline_12315',
        category,
        entityId,
        complainantName: '李小明',
        complainantPhone: '13912345678',
        complainantAddress: '中河街道88号',
        facts: '称重不足',
        request: '退还差价',
      });
      expect(made.status, made.text).toBe(201);
    };
    await complain(holder, 'metrology');
    await complain(holder, 'metrology');
    await complain(holder, 'price');
    await complain(marketId, 'food');
    const after = (await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body;
    expect((after.complaints as number) - (before.complaints as number)).toBe(4);
    expect((after.shortWeightComplaints as number) - (before.shortWeightComplaints as number)).toBe(2);
    const other = (await call(home.users.section.username, 'GET', `/api/v1/markets/${otherMarketId}`)).body;
    expect(other).toMatchObject({ complaints: 0, shortWeightComplaints: 0 });
    const stalls = (await call(manager(), 'GET', `/api/v1/markets/${marketId}/stalls`)).body.items as Record<string, unknown>[];
    expect(stalls.find((item) => item.number === 'C01')).toMatchObject({ complaints: 3, shortWeightComplaints: 2 });
    expect(stalls.find((item) => item.number === 'A01')).toMatchObject({ complaints: 0, shortWeightComplaints: 0 });
    const scales = (await call(manager(), 'GET', `/api/v1/markets/${marketId}/scales`)).body.items as Record<string, unknown>[];
    expect(scales.find((item) => item.serial === 'C-SCALE')).toMatchObject({ stallNumber: 'C01', shortWeightComplaints: 2 });
    const list = (await call(home.users.section.username, 'GET', '/api/v1/markets')).body.items as Record<string, unknown>[];
    expect(list.find((item) => item.id === marketId)).toMatchObject({
      complaints: after.complaints,
      shortWeightComplaints: after.shortWeightComplaints,
    });
    // A complaint received more than 12 months ago no longer counts: the window moves with today.
    await platform.database.db.execute(
      sql`update complaint set received_on = received_on - interval '13 months' where district_code = ${home.code}
          and id = (select min(id) from complaint where district_code = ${home.code} and entity_id = ${holder} and category = 'metrology')`,
    );
    const aged = (await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body;
    expect(aged).toMatchObject({
      complaints: (after.complaints as number) - 1,
      shortWeightComplaints: (after.shortWeightComplaints as number) - 1,
    });
    const agedStalls = (await call(manager(), 'GET', `/api/v1/markets/${marketId}/stalls`)).body.items as Record<string, unknown>[];
    expect(agedStalls.find((item) => item.number === 'C01')).toMatchObject({ complaints: 2, shortWeightComplaints: 1 });
  });
});

describe('station check-lists', () => {
  it('the station inspector fills the check-list in force; every bad answer named; the result shows on the market and screen', async () => {
    const settings = (await call(home.users.inspector1.username, 'GET', '/api/v1/markets/settings')).body;
    const items = settings.checklistItems as { code: string }[];
    expect(items).toHaveLength(8);
    const bad = await call(home.users.inspector1.username, 'POST', `/api/v1/markets/${marketId}/inspections`, {
      results: [
        { code: 'zoning', passed: true },
        { code: 'zoning', passed: false },
        { code: 'noise', passed: true },
      ],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields.slice(0, 2)).toEqual(['results[1].code', 'results[2].code']);
    expect(fields.filter((field) => field === 'results')).toHaveLength(7);
    const results = items.map((item, index) => ({ code: item.code, passed: index !== 2 }));
    const done = await call(home.users.inspector1.username, 'POST', `/api/v1/markets/${marketId}/inspections`, {
      results,
      note: '垃圾未分类',
    });
    expect(done.status, done.text).toBe(201);
    expect(done.body).toMatchObject({ passed: 7, total: 8, passPercent: 88, note: '垃圾未分类', inspectedOn: '2020-12-15' });
    expect((await call(home.users.inspector2.username, 'POST', `/api/v1/markets/${marketId}/inspections`, { results })).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/inspections`, { results })).status).toBe(403);
    const listed = await call(manager(), 'GET', `/api/v1/markets/${marketId}/inspections`);
    expect(listed.body.total).toBe(1);
    expect(await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).toMatchObject({
      body: { lastInspectedOn: '2020-12-15', inspectionPassPercent: 88 },
    });
  });
});
