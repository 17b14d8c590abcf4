import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { demoDrills2020, demoEquipment2020, seedSpecialEquipmentDemo } from './demo-seed.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let cookie = '';

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  cookie = await signIn(app, home.users.section.username);
  for (let index = 0; index < 6; index++) {
    const body = `91${home.code}00000${String(index).padStart(2, '0')}${String(Date.now() % 10)}0`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name: `演示物业${index}`,
        kind: 'enterprise',
        legalRepName: '赵六',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'K70',
        foundedOn: '2010-05-01',
        address: `演示路${index}号`,
        streetCode: (index % 2 === 0 ? home.stations[0] : home.stations[1]).streetCode,
        businessCategory: 'special_equipment_user',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  platform.clock.set('2026-12-06T02:00:00Z');
  await seedSpecialEquipmentDemo(home.ctx, {
    districtCode: home.code,
    random: createRandom('demo:special-equipment').float,
    today: '2026-12-06',
  });
  cookie = await signIn(app, home.users.section.username);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

const figures = async (period: string) => {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/figures?period=${period}&module=special-equipment`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    (response.json() as { items: { key: string; value: number | null }[] }).items.map((item) => [item.key, item.value]),
  );
};

describe('the special-equipment demo', () => {
  it('2020: 4,000 pieces in use, 定检率 exactly 100%, the two drills, hazards found and all closed', async () => {
    const year2020 = await figures('2020');
    expect(year2020['special-equipment.in-use']).toBe(demoEquipment2020);
    expect(year2020['special-equipment.periodic-inspection-rate']).toBe(100);
    expect(year2020['special-equipment.registration-rate']).toBe(100);
    expect(year2020['special-equipment.drills']).toBe(demoDrills2020.length);
    expect(year2020['special-equipment.hazards-found']).toBe(126);
    expect(year2020['special-equipment.hazards-closed']).toBe(126);
    const rates = await app.inject({ method: 'GET', url: '/api/v1/special-equipment/rates?on=2020-12-31', headers: { cookie } });
    expect((rates.json() as { overall: { periodicInspection: { percent: number } } }).overall.periodicInspection.percent).toBe(100);
  });

  it('today: more equipment, some overdue and some open hazards for the station lists', async () => {
    const year = await figures('2026');
    expect(year['special-equipment.in-use'] as number).toBeGreaterThan(demoEquipment2020);
    expect(year['special-equipment.periodic-inspection-rate'] as number).toBeLessThan(100);
    expect(year['special-equipment.periodic-inspection-rate'] as number).toBeGreaterThan(95);
    const overdue = await app.inject({ method: 'GET', url: '/api/v1/special-equipment/equipment?due=overdue', headers: { cookie } });
    expect((overdue.json() as { total: number }).total).toBeGreaterThan(0);
    const open = await app.inject({ method: 'GET', url: '/api/v1/special-equipment/hazards?status=ordered', headers: { cookie } });
    expect((open.json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('emergency plans: the district’s, exercised by the two 2020 drills, and users’ plans; a scrapped piece has its history', async () => {
    const plans = await app.inject({ method: 'GET', url: '/api/v1/special-equipment/emergency-plans?pageSize=200', headers: { cookie } });
    const items = (plans.json() as { items: { entityId: number | null; title: string; drillCount: number }[] }).items;
    const district = items.find((plan) => plan.entityId === null);
    expect(district?.title).toBe('明州区特种设备事故应急预案');
    expect(district?.drillCount as number).toBeGreaterThanOrEqual(demoDrills2020.length);
    expect(items.filter((plan) => plan.entityId !== null).length).toBeGreaterThan(0);
    const scrapped = await app.inject({
      method: 'GET',
      url: '/api/v1/special-equipment/equipment?status=scrapped&pageSize=1',
      headers: { cookie },
    });
    const [piece] = (scrapped.json() as { items: { id: number; statusSince: string }[] }).items;
    const detail = await app.inject({ method: 'GET', url: `/api/v1/special-equipment/equipment/${piece?.id}`, headers: { cookie } });
    const history = (detail.json() as { statusHistory: { status: string; since: string }[] }).statusHistory;
    expect(history.map((change) => change.status)).toEqual(['in_use', 'scrapped']);
    expect(history[1]?.since).toBe(piece?.statusSince);
  });
});
