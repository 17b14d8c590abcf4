import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { coldChainJobs } from './index.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let away: TestDistrict;
type Json = Record<string, unknown>;

async function call(district: TestDistrict, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: { cookie: await signIn(app, district.users.section.username), 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

let serial = 0;
async function business(district: TestDistrict, name: string) {
  serial += 1;
  const body = `91${district.code}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(2, '0')}7`;
  const creditCode = body + creditCodeCheckCharacter(body);
  const created = await call(district, 'POST', '/api/v1/entities', {
    creditCode,
    name,
    kind: 'enterprise',
    legalRepName: '钱七',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2016-05-01',
    address: '冷链路2号',
    streetCode: district.stations[0].streetCode,
    businessCategory: 'food_retail',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as number, creditCode };
}

async function batch(holderId: number, declaration: string) {
  const created = await call(home, 'POST', '/api/v1/cold-chain/batches', {
    customsDeclarationNo: declaration,
    originCountry: 'AR',
    product: '冷冻鱿鱼',
    category: 'seafood',
    lot: `AR-${declaration.slice(-3)}`,
    quantity: 300,
    unit: 'kg',
    firstHolderEntityId: holderId,
    arrivedOn: '2021-05-09',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.traceCode as string;
}

const sweep = () => runJob(platform, coldChainJobs(platform).find((job) => job.name === 'cold-chain.unreceived-shipments') as never);
const openFindings = async (district: TestDistrict) =>
  ((await call(district, 'GET', '/api/v1/cold-chain/findings')).body.items as Json[]).map((item) => [
    item.kind,
    item.holderEntityId,
    item.amount,
  ]);

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the job walks every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  away = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the daily sweep of shipments never scanned in (2 days of grace)', () => {
  it('opens a finding for a 3-day-old shipment, none for a 1-day-old one, and closes it once the receipt arrives', async () => {
    platform.clock.set('2021-05-10T02:00:00Z'); // 10:00 in China on 10 May
    const store = await business(home, '舟山冷链仓储');
    const restaurant = await business(home, '渔港酒家');
    const shop = await business(away, '外区生鲜超市');
    const first = await batch(store.id, '310120210000055501');
    const second = await batch(store.id, '310120210000055502');
    const ship = (code: string, quantity: number, to: { creditCode: string }, districtCode?: string) =>
      call(home, 'POST', '/api/v1/cold-chain/events', {
        step: 'ship',
        code,
        quantity,
        holderEntityId: store.id,
        counterpartCreditCode: to.creditCode,
        ...(districtCode ? { counterpartDistrictCode: districtCode } : {}),
        via: 'form',
      });
    // 10 May: 40 kg to the restaurant next door, 30 kg to a supermarket in another district.
    expect((await ship(first, 40, restaurant)).status).toBe(201);
    expect((await ship(first, 30, shop, away.code)).status).toBe(201);
    // 12 May: 20 kg of the second batch to the restaurant.
    platform.clock.set('2021-05-12T02:00:00Z');
    expect((await ship(second, 20, restaurant)).status).toBe(201);

    // 13 May, nobody wrote anything: only the sweep can see that the 10 May shipments are 3 days old.
    platform.clock.set('2021-05-13T02:00:00Z');
    expect(await openFindings(home)).toEqual([]);
    expect(await sweep()).toMatchObject({ outcome: 'succeeded', counts: { districts: 2, codes: 2, opened: 2, closed: 0 } });
    // The local one goes to the restaurant that did not scan in, the one out of the district to the shipper;
    // the 12 May shipment (1 day old) raises none.
    expect((await openFindings(home)).sort()).toEqual(
      [
        ['shipped_not_received', restaurant.id, '40.000'],
        ['shipped_not_received', store.id, '30.000'],
      ].sort(),
    );
    expect(await sweep()).toMatchObject({ outcome: 'succeeded', counts: { opened: 0, closed: 0 } });

    // The restaurant scans its 40 kg in: the write itself closes its finding.
    const received = await call(home, 'POST', '/api/v1/cold-chain/events', {
      step: 'receive',
      code: first,
      quantity: 40,
      holderEntityId: restaurant.id,
      counterpartCreditCode: store.creditCode,
      via: 'scan',
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(await openFindings(home)).toEqual([['shipped_not_received', store.id, '30.000']]);

    // The supermarket in the other district scans its 30 kg in without naming the shipper: no write refreshed the
    // shipper's district, the sweep closes the finding there.
    const abroad = await call(away, 'POST', '/api/v1/cold-chain/events', {
      step: 'receive',
      code: first,
      quantity: 30,
      holderEntityId: shop.id,
      via: 'scan',
    });
    expect(abroad.status, JSON.stringify(abroad.body)).toBe(201);
    expect(await openFindings(home)).toEqual([['shipped_not_received', store.id, '30.000']]);
    expect(await sweep()).toMatchObject({ outcome: 'succeeded', counts: { opened: 0, closed: 1 } });
    expect(await openFindings(home)).toEqual([]);
    expect(await openFindings(away)).toEqual([]);

    // 14 May: the second batch's shipment is now 2 days old and was never received — the next sweep opens it.
    platform.clock.set('2021-05-14T02:00:00Z');
    expect(await sweep()).toMatchObject({ outcome: 'succeeded', counts: { opened: 1, closed: 0 } });
    expect(await openFindings(home)).toEqual([['shipped_not_received', restaurant.id, '20.000']]);
  });
});
