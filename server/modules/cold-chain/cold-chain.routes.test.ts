import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let cookie = '';
type Json = Record<string, unknown>;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url: `/api/v1/cold-chain${url}`,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

let serial = 0;
async function business(name: string) {
  serial += 1;
  const body = `91${home.code}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(2, '0')}9`;
  const creditCode = body + creditCodeCheckCharacter(body);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/entities',
    headers: { cookie },
    payload: {
      creditCode,
      name,
      kind: 'enterprise',
      legalRepName: '赵六',
      legalRepIdNumber: '11010519491231002X',
      industryCode: 'F52',
      foundedOn: '2015-05-01',
      address: '冷链路1号',
      streetCode: home.stations[0].streetCode,
      businessCategory: 'food_retail',
    },
  });
  expect(response.statusCode).toBe(201);
  return { id: (response.json() as { id: number }).id, creditCode };
}

const pdf = (text: string) => `data:application/pdf;base64,${Buffer.from(`%PDF-1.4\n${text}`).toString('base64')}`;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2021-03-10T02:00:00Z');
  cookie = await signIn(app, home.users.section.username);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('cold chain: a batch from the cold store to a restaurant', () => {
  it('codes, certifies, moves, finds the gaps, traces and shows the consumer page', async () => {
    const store = await business('甬港冷库有限公司');
    const restaurant = await business('海鲜大排档');
    const created = await call('POST', '/batches', {
      customsDeclarationNo: '310120210000012345',
      originCountry: 'EC',
      product: '冷冻白虾',
      category: 'seafood',
      lot: 'EC-2021-07',
      quantity: 500,
      unit: 'kg',
      firstHolderEntityId: store.id,
      arrivedOn: '2021-03-08',
    });
    expect(created.status).toBe(201);
    const batch = created.body as { id: number; traceCode: string; isSellable: boolean };
    expect(batch.traceCode).toMatch(new RegExp(`^${home.code}[0-9A-Z]{10}$`));

    // Not sellable until all three certificates are in; a file that is not a PDF/JPEG/PNG is refused by its bytes.
    expect(await call('POST', `/batches/${batch.id}/sellable`)).toMatchObject({
      status: 409,
      body: {
        code: 'cold_chain.certificates_missing',
        title: 'Missing certificates: Inspection and quarantine, Nucleic-acid test, Disinfection; the batch cannot be marked sellable',
      },
    });
    const fake = await call('POST', `/batches/${batch.id}/certificates`, {
      kind: 'quarantine',
      number: 'Q1',
      issuedOn: '2021-03-07',
      dataUrl: `data:application/pdf;base64,${Buffer.from('MZ').toString('base64')}`,
    });
    expect(fake.status).toBe(400);
    expect(JSON.stringify(fake.body)).toContain('dataUrl');
    for (const kind of ['quarantine', 'nucleic_acid', 'disinfection'])
      expect(
        (await call('POST', `/batches/${batch.id}/certificates`, { kind, number: `${kind}-1`, issuedOn: '2021-03-07', dataUrl: pdf(kind) }))
          .status,
      ).toBe(200);
    expect((await call('POST', `/batches/${batch.id}/sellable`)).body).toMatchObject({ isSellable: true, sellableSince: '2021-03-10' });

    // Ship 100 kg to the restaurant, which never scans it in: after 2 days, a finding for the restaurant.
    const shipped = await call('POST', '/events', {
      step: 'ship',
      code: `https://zhijian.example/t/${batch.traceCode}`,
      quantity: 100,
      holderEntityId: store.id,
      counterpartCreditCode: restaurant.creditCode,
      via: 'scan',
    });
    expect(shipped.status).toBe(201);
    // The store sells 450 kg of the 400 it has left: an oversell of 50.
    expect(
      (await call('POST', '/events', { step: 'sell', code: batch.traceCode, quantity: 450, holderEntityId: store.id, via: 'form' })).status,
    ).toBe(201);
    let findings = await call('GET', '/findings');
    expect((findings.body.items as Json[]).map((item) => [item.kind, item.amount])).toEqual([['oversell', '50.000']]);
    platform.clock.set('2021-03-13T02:00:00Z');
    cookie = await signIn(app, home.users.section.username);
    // Correcting the sale closes the oversell; the late shipment opens its finding on the next refresh.
    expect(
      (await call('POST', '/events', { step: 'receive', code: batch.traceCode, quantity: 50, holderEntityId: store.id, via: 'form' }))
        .status,
    ).toBe(201);
    findings = await call('GET', '/findings');
    expect((findings.body.items as Json[]).map((item) => [item.kind, item.holderEntityId])).toEqual([
      ['shipped_not_received', restaurant.id],
    ]);
    expect(
      (
        await call('POST', '/events', {
          step: 'receive',
          code: batch.traceCode,
          quantity: 100,
          holderEntityId: restaurant.id,
          counterpartCreditCode: store.creditCode,
          via: 'scan',
        })
      ).status,
    ).toBe(201);
    expect((await call('GET', '/findings')).body.total).toBe(0);

    // The restaurant splits its 100 kg into two lots with their own codes; trace back from a lot reaches the batch.
    const split = await call('POST', '/events', {
      step: 'split',
      code: batch.traceCode,
      quantity: 100,
      holderEntityId: restaurant.id,
      outputQuantities: [60, 40],
      via: 'form',
    });
    expect(split.status).toBe(201);
    const [lot] = split.body.outputCodes as string[];
    const trace = await call('GET', `/trace/${lot}?direction=back`);
    expect((trace.body.lots as Json[]).map((entry) => entry.code)).toEqual([lot, batch.traceCode]);
    expect((trace.body.holders as Json[]).map((holder) => holder.name).sort()).toEqual(['海鲜大排档', '甬港冷库有限公司']);

    const page = await app.inject({ method: 'GET', url: `/t/${lot}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('冷冻白虾');
    expect(page.body).toContain('EC');
    expect(page.body).toContain('海鲜大排档');
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('11010519491231002X');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const missing = await app.inject({ method: 'GET', url: '/t/330000AAAAAAAAAA' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).not.toContain('<script');
  });

  it('rejects an invalid EPCIS document with each path and reason, storing nothing; stores a valid one', async () => {
    platform.clock.set('2021-03-13T02:00:00Z');
    cookie = await signIn(app, home.users.section.username);
    const store = await business('北仑冷链仓储');
    const created = await call('POST', '/batches', {
      customsDeclarationNo: '310120210000099999',
      originCountry: 'NZ',
      product: '冷冻羊肉',
      category: 'meat',
      lot: 'NZ-1',
      quantity: 200,
      unit: 'kg',
      firstHolderEntityId: store.id,
      arrivedOn: '2021-03-12',
    });
    const code = (created.body as { traceCode: string }).traceCode;
    const event = (overrides: Json) => ({
      type: 'ObjectEvent',
      eventTime: '2021-03-12T01:00:00Z',
      eventTimeZoneOffset: '+00:00',
      action: 'OBSERVE',
      bizStep: 'storing',
      quantityList: [{ epcClass: `urn:zhijian:lot:${code}`, quantity: 200, uom: 'KGM' }],
      bizLocation: { id: `urn:zhijian:entity:${store.creditCode}` },
      ...overrides,
    });
    const document = (events: Json[]) => ({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2021-03-12T02:00:00Z',
      epcisBody: { eventList: events },
    });
    const before = ((await call('GET', `/batches/${(created.body as { id: number }).id}`)).body.events as Json[]).length;
    const rejected = await call('POST', '/epcis', document([event({ eventID: 'ni:///ok-1' }), event({ action: 'JUMP' })]));
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(rejected.body)).toContain('/epcisBody/eventList/1/action');
    expect(((await call('GET', `/batches/${(created.body as { id: number }).id}`)).body.events as Json[]).length).toBe(before);
    const stored = await call(
      'POST',
      '/epcis',
      document([
        event({ eventID: 'ni:///ok-1' }),
        event({
          eventID: 'ni:///ok-2',
          bizStep: 'retail_selling',
          quantityList: [{ epcClass: `urn:zhijian:lot:${code}`, quantity: 20, uom: 'KGM' }],
        }),
      ]),
    );
    expect(stored).toMatchObject({ status: 201, body: { stored: 2, eventIds: ['ni:///ok-1', 'ni:///ok-2'] } });
  });
});
