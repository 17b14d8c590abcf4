import { describe, expect, it } from 'vitest';
import { call, home, manager, marketId, setUpMarketsDistrict } from './test-setup.ts';

setUpMarketsDistrict();

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
