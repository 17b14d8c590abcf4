import { describe, expect, it } from 'vitest';
import { call, home, manager, marketId, setUpMarketsDistrict } from './test-setup.ts';

setUpMarketsDistrict();

describe('star ratings and the settings in force', () => {
  it('star ratings from the indicators in force; the 2021 targets', async () => {
    const points = { food_safety: 27, environment_order: 20, honest_business: 16, price_metering: 12, facilities: 8 };
    const rated = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/star-ratings`, {
      assessedOn: '2020-11-20',
      points,
    });
    expect(rated.status, rated.text).toBe(201);
    expect(rated.body).toMatchObject({ score: 83, stars: 4, validUntil: '2023-11-19' });
    const bad = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/star-ratings`, {
      assessedOn: '2020-11-20',
      points: { ...points, food_safety: 40, other: 1 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('points.food_safety');
    expect(JSON.stringify(bad.body)).toContain('points.other');
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/star-ratings`, { assessedOn: '2020-11-20', points })).status).toBe(
      403,
    );
    const progress = await call(home.users.section.username, 'GET', '/api/v1/markets/star-progress?on=2020-12-15');
    expect(progress.body).toMatchObject({
      markets: 2,
      urbanMarkets: 2,
      urbanAtLeastTwo: 1,
      atLeastThree: 1,
      atLeastThreePercent: 50,
      urbanTargetMet: false,
      threeStarTargetMet: true,
    });
  });

  it('settings by effective date, every bad field named', async () => {
    const current = await call(home.users.section.username, 'GET', '/api/v1/markets/settings');
    expect(current.body).toMatchObject({ effectiveFrom: null, priceAnomalyPercent: 20, starValidityYears: 3 });
    const { effectiveFrom: _, ...rest } = current.body;
    const bad = await call(home.users.section.username, 'PUT', '/api/v1/markets/settings', {
      ...rest,
      effectiveFrom: '2021-01-01',
      starThresholds: [70, 60, 80, 90],
      keyProducts: ['猪肉', '猪肉'],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('starThresholds');
    expect(JSON.stringify(bad.body)).toContain('keyProducts');
    const saved = await call(home.users.section.username, 'PUT', '/api/v1/markets/settings', {
      ...rest,
      effectiveFrom: '2021-01-01',
      priceAnomalyPercent: 15,
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await call(home.users.section.username, 'GET', '/api/v1/markets/settings?on=2021-01-01')).body).toMatchObject({
      effectiveFrom: '2021-01-01',
      priceAnomalyPercent: 15,
    });
    expect((await call(home.users.section.username, 'GET', '/api/v1/markets/settings?on=2020-12-31')).body.priceAnomalyPercent).toBe(20);
  });
});
