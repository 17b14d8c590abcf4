import { beforeAll, describe, expect, it } from 'vitest';
import { addStallA01, call, home, manager, marketId, organiser, otherMarketId, setUpMarketsDistrict, testingRoom } from './test-setup.ts';

setUpMarketsDistrict();
let stallId = 0;
beforeAll(async () => {
  ({ stallId } = await addStallA01());
});

describe('who sees and does what: the manager, the market’s testing room and organiser (decision 0039)', () => {
  it('the market manager sees only their own market', async () => {
    const list = await call(manager(), 'GET', '/api/v1/markets');
    expect(list.status).toBe(200);
    expect((list.body.items as { id: number }[]).map((item) => item.id)).toEqual([marketId]);
    expect((await call(manager(), 'GET', `/api/v1/markets/${otherMarketId}`)).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/${otherMarketId}/stalls`, { number: 'Z01', category: 'meat' })).status).toBe(
      404,
    );
    expect((await call(home.users.inspector2.username, 'GET', `/api/v1/markets/${marketId}`)).status).toBe(404);
    expect((await call(home.users.inspector1.username, 'GET', `/api/v1/markets/${marketId}`)).status).toBe(200);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/markets')).status).toBe(403);
  });

  it('the testing room enters rapid tests and handles lots of its own market, nothing else', async () => {
    const test = await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '韭菜',
      item: 'pesticide_residue',
      result: 'positive',
    });
    expect(test.status, test.text).toBe(201);
    expect(test.body.lotStatus).toBe('blocked');
    const handled = await call(testingRoom(), 'POST', `/api/v1/markets/rapid-tests/${test.body.id}/handle`, { action: 'destroy' });
    expect(handled.status, handled.text).toBe(200);
    const imported = await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, {
      csv: '检测日期,摊位号,样品名称,检测项目,检测结果\n2020-12-15,A01,青菜,农残,阴性\n',
      dryRun: true,
    });
    expect(imported.status, imported.text).toBe(200);
    expect((await call(testingRoom(), 'GET', `/api/v1/markets/${marketId}/stalls`)).status).toBe(200);
    expect((await call(testingRoom(), 'GET', '/api/v1/markets')).body.items).toHaveLength(1);
    // Not its market, and none of the manager's other work.
    expect(
      (
        await call(testingRoom(), 'POST', `/api/v1/markets/${otherMarketId}/rapid-tests`, {
          stallId,
          product: '青菜',
          item: 'pesticide_residue',
          result: 'negative',
        })
      ).status,
    ).toBe(404);
    expect((await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'T01', category: 'meat' })).status).toBe(403);
    expect(
      (await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '猪肉', priceFen: 2600 }] })).status,
    ).toBe(403);
    expect(
      (await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'T-1', verifiedOn: '2020-12-01' })).status,
    ).toBe(403);
    expect((await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'daily', score: 90 })).status).toBe(403);
    expect((await call(testingRoom(), 'POST', '/api/v1/markets/screen-tokens', { label: 'x', marketId })).status).toBe(403);
    expect((await call(testingRoom(), 'GET', '/api/v1/entities')).status).toBe(403);
  });

  it('the organiser records the monthly round and reads its market; no other round, no test', async () => {
    const monthly = await call(organiser(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'monthly', score: 88 });
    expect(monthly.status, monthly.text).toBe(201);
    expect(monthly.body).toMatchObject({ level: 'monthly', party: 'organiser', score: 88 });
    const weekly = await call(organiser(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 88 });
    expect(weekly.status).toBe(400);
    expect((weekly.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['level']);
    expect((await call(organiser(), 'GET', `/api/v1/markets/${marketId}`)).status).toBe(200);
    expect((await call(organiser(), 'GET', `/api/v1/markets/${otherMarketId}`)).status).toBe(404);
    expect((await call(organiser(), 'POST', `/api/v1/markets/${otherMarketId}/cleaning`, { level: 'monthly', score: 80 })).status).toBe(
      404,
    );
    expect(
      (
        await call(organiser(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
          stallId,
          product: '青菜',
          item: 'pesticide_residue',
          result: 'negative',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(organiser(), 'POST', `/api/v1/markets/${marketId}/inspections`, { results: [{ code: 'zoning', passed: true }] })).status,
    ).toBe(403);
    // The manager still records any round.
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 90 })).status).toBe(201);
  });
});
