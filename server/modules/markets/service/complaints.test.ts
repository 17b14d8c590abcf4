import { beforeAll, describe, expect, it } from 'vitest';
import { addStallA01, call, farmersMarketEntity, home, manager, marketId, otherMarketId, setUpMarketsDistrict } from './test-setup.ts';

setUpMarketsDistrict();
beforeAll(async () => {
  await addStallA01();
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
  });
});
