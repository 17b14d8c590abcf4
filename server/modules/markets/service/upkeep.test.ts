import { beforeAll, describe, expect, it } from 'vitest';
import { addStallA01, call, home, manager, marketId, otherMarketId, setUpMarketsDistrict } from './test-setup.ts';

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
