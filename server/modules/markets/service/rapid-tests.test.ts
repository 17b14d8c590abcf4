import { beforeAll, describe, expect, it } from 'vitest';
import { addStallA01, app, call, home, type Json, manager, marketId, setUpMarketsDistrict } from './test-setup.ts';

setUpMarketsDistrict();
let stallId = 0;
let holderName = '';
beforeAll(async () => {
  ({ stallId, holderName } = await addStallA01());
});

describe('rapid tests and the lots they block, on the big screen and the public page', () => {
  it('a positive rapid test blocks the lot; handling destroys and reports it', async () => {
    const negative = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '青菜',
      item: 'pesticide_residue',
      result: 'negative',
    });
    expect(negative.status, negative.text).toBe(201);
    expect(negative.body).toMatchObject({ lotStatus: 'released', handlingDone: true, testedOn: '2020-12-15', stallNumber: 'A01' });
    const positive = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '豇豆',
      item: 'pesticide_residue',
      result: 'positive',
    });
    expect(positive.body).toMatchObject({ lotStatus: 'blocked', handlingDone: false });
    const id = positive.body.id as number;
    const summary = await call(manager(), 'GET', `/api/v1/markets/${marketId}`);
    expect(summary.body).toMatchObject({ testsToday: 2, positivesToday: 1, blockedLots: 1 });
    const blocked = await call(manager(), 'GET', `/api/v1/markets/${marketId}/rapid-tests?blocked=true`);
    expect((blocked.body.items as { id: number }[]).map((item) => item.id)).toEqual([id]);
    expect((await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 're_test' })).status).toBe(400);
    expect(
      (await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'destroy', note: '现场销毁' })).body.lotStatus,
    ).toBe('destroyed');
    expect((await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'destroy' })).status).toBe(409);
    const reported = await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'report' });
    expect(reported.body).toMatchObject({ lotStatus: 'destroyed', handlingDone: true });
    expect(reported.body.handlingNote).toBe('2020-12-15 destroy 现场销毁\n2020-12-15 report');
    const future = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      testedOn: '2020-12-16',
      product: '青菜',
      item: 'pesticide_residue',
      result: 'negative',
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('testedOn');
  });

  it('imports the device CSV with row-level errors, all or nothing', async () => {
    const bad =
      '检测日期,摊位号,样品名称,检测项目,检测结果\n2020/12/15 08:01,A01,青菜,农药残留,阴性\n2020/12/15 08:02,B99,芹菜,农残,阳性\n2020/13/01,A01,,重金属,阴性\n';
    const checked = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, { csv: bad });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ rows: 3, imported: 0, dryRun: true });
    expect(
      (checked.body.errors as { row: number; field: string; problem: string }[]).map(({ row, field, problem }) => ({
        row,
        field,
        problem,
      })),
    ).toEqual([
      { row: 3, field: 'stall', problem: 'unknown_stall' },
      { row: 4, field: 'testedOn', problem: 'invalid' },
      { row: 4, field: 'product', problem: 'missing' },
      { row: 4, field: 'item', problem: 'invalid' },
    ]);
    const good =
      '检测日期,摊位号,样品名称,检测项目,检测结果\n2020/12/15 08:01,A01,青菜,农药残留,阴性\n2020/12/15 08:02,A01,韭菜,农残,阳性\n';
    const imported = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, { csv: good });
    expect(imported.body).toMatchObject({ rows: 2, imported: 2, positives: 1, dryRun: false, errors: [] });
    expect((await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body).toMatchObject({ testsToday: 4, blockedLots: 1 });
  });

  it('the big screen: a market token shows its tests and blocked lots, no person; revoked tokens stop', async () => {
    // The screen shows the market's stars: rated 4 as in stars.test.ts.
    const points = { food_safety: 27, environment_order: 20, honest_business: 16, price_metering: 12, facilities: 8 };
    const rated = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/star-ratings`, {
      assessedOn: '2020-11-20',
      points,
    });
    expect(rated.body).toMatchObject({ stars: 4 });
    const made = await call(manager(), 'POST', '/api/v1/markets/screen-tokens', { label: '市场大屏', marketId });
    expect(made.status, made.text).toBe(201);
    expect(made.body.url).toBe(`/screen/markets/${marketId}#token=${made.body.token}`);
    expect((await call(manager(), 'POST', '/api/v1/markets/screen-tokens', { label: '全区' })).status).toBe(400);
    const screen = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': made.body.token as string },
    });
    expect(screen.statusCode).toBe(200);
    const data = screen.json() as Json;
    expect(data).toMatchObject({
      kind: 'market',
      today: '2020-12-15',
      market: { id: marketId, stars: 4, testsToday: 4, positivesToday: 2, blockedLots: 1 },
    });
    expect(data.blocked).toEqual([{ stallNumber: 'A01', product: '韭菜', item: 'pesticide_residue', testedOn: '2020-12-15' }]);
    expect(screen.body).not.toContain(holderName); // the stall holder's name never shows
    const overview = await call(home.users.leader.username, 'POST', '/api/v1/markets/screen-tokens', { label: '全区农贸市场' });
    const district = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': overview.body.token as string },
    });
    expect(district.json()).toMatchObject({ kind: 'district', progress: { markets: 2 } });
    expect((district.json() as { markets: unknown[] }).markets).toHaveLength(2);
    const tokens = await call(manager(), 'GET', '/api/v1/markets/screen-tokens');
    expect((tokens.body.items as unknown[]).length).toBe(1);
    expect((await call(manager(), 'POST', `/api/v1/markets/screen-tokens/${overview.body.id}/revoke`)).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/screen-tokens/${made.body.id}/revoke`)).body.revokedAt).toBeTruthy();
    const stopped = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': made.body.token as string },
    });
    expect(stopped.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/screen/v1/markets', headers: { 'x-screen-token': 'nonsense' } })).statusCode).toBe(
      401,
    );
  });

  it('the public page shows the day’s tests without script or person', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/markets/${home.code}/${marketId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('快检结果公示');
    expect(page.body).toContain('韭菜');
    expect(page.body).not.toContain('<script');
    expect((await app.inject({ method: 'GET', url: `/public/markets/${home.code}/999999` })).statusCode).toBe(404);
  });
});
