import { describe, expect, it } from 'vitest';
import { addStallA01, call, farmersMarketEntity, home, manager, marketId, setUpMarketsDistrict } from './test-setup.ts';

setUpMarketsDistrict();
let stallId = 0;

describe('registering markets and stalls, and updating them', () => {
  it('refuses a business that is not a farmers’ market, naming the field', async () => {
    const shop = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail');
    const refused = await call(home.users.section.username, 'POST', '/api/v1/markets', { entityId: shop, isUrban: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('entityId');
    expect((await call(home.users.section.username, 'POST', '/api/v1/markets', { entityId: marketId, isUrban: true })).status).toBe(409);
  });

  it('stalls: a holder from the registry, numbers unique in the market', async () => {
    const created = await addStallA01();
    expect(created.holderName).toMatch(/^测试农贸市场/);
    stallId = created.stallId;
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'A01', category: 'meat' })).status).toBe(409);
    const bad = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'A 02', category: 'cars' });
    expect(bad.status).toBe(400);
    const fields = JSON.stringify(bad.body);
    expect(fields).toContain('number');
    expect(fields).toContain('category');
  });

  it('updates a market (section) and a stall’s holder (manager), naming bad fields', async () => {
    const updated = await call(home.users.section.username, 'PUT', `/api/v1/markets/${marketId}`, {
      isUrban: false,
      operatorName: '区国资公司',
      handedOverOn: '2020-07-01',
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ isUrban: false, operatorName: '区国资公司', handedOverOn: '2020-07-01' });
    const future = await call(home.users.section.username, 'PUT', `/api/v1/markets/${marketId}`, {
      isUrban: true,
      handedOverOn: '2030-01-01',
    });
    expect(future.status).toBe(400);
    expect((future.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['handedOverOn']);
    expect((await call(manager(), 'PUT', `/api/v1/markets/${marketId}`, { isUrban: true })).status).toBe(403);
    const badStall = await call(manager(), 'PUT', `/api/v1/markets/stalls/${stallId}`, { category: 'meat', holderEntityId: 999_999_999 });
    expect(badStall.status).toBe(400);
    expect((badStall.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['holderEntityId']);
    const stall = await call(manager(), 'PUT', `/api/v1/markets/stalls/${stallId}`, { category: 'meat', holderEntityId: null });
    expect(stall.status, stall.text).toBe(200);
    expect(stall.body).toMatchObject({ category: 'meat', holderEntityId: null, holderName: null, complaints: 0 });
  });
});
