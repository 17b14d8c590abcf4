import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { phRegistration, phRegistrationTally } from '../pharmacies.tables.ts';
import type { RegistrationInput } from '../rules/registration-check.ts';
import { dailySeries } from './daily-counts.ts';
import { sealRegistration } from './registrations.ts';

// The series EARS and the surveillance page read: people told apart per street and across the district, purged days
// from their tallies.
let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const pharmacies: { id: number; districtCode: string; streetCode: string }[] = [];

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const cookie = await signIn(app, home.users.section.username);
  for (const [index, station] of home.stations.entries()) {
    const body = `91${home.code}${String((Date.now() + index) % 1e6).padStart(6, '0')}12${index}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name: `街道${index + 1}大药房`,
        kind: 'enterprise',
        legalRepName: '赵六',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'F52',
        foundedOn: '2015-05-01',
        address: `药店路${index + 1}号`,
        streetCode: station.streetCode,
        businessCategory: 'pharmacy',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    pharmacies.push({ id: created.json().id, districtCode: home.code, streetCode: station.streetCode });
  }
  const ctx = systemContext(platform);
  const buyer = (idNumber: string, health: Partial<RegistrationInput>): RegistrationInput => ({
    buyerName: '林某',
    idKind: 'passport',
    idNumber,
    phone: '13566667777',
    address: '',
    temperature: null,
    symptoms: [],
    medicineClass: 'antipyretic',
    quantity: 1,
    isForOther: false,
    travelHistory: '',
    hasContactHistory: false,
    ...health,
  });
  const [first, second] = pharmacies as [(typeof pharmacies)[0], (typeof pharmacies)[0]];
  const rows = [
    // 1 March: A (fever) twice in street 1 and once in street 2; B (well) in street 1.
    [first, '2026-03-01T02:00:00Z', buyer('A1000001', { temperature: 38.2, symptoms: ['fever'] })],
    [first, '2026-03-01T03:00:00Z', buyer('A1000001', { temperature: 38.0 })],
    [second, '2026-03-01T04:00:00Z', buyer('A1000001', { symptoms: ['cough'] })],
    [first, '2026-03-01T05:00:00Z', buyer('B1000002', { temperature: 36.6 })],
    // 2 March, street 2: C coughs, B at exactly 37.3 °C (the threshold counts).
    [second, '2026-03-02T02:00:00Z', buyer('C1000003', { symptoms: ['cough'] })],
    [second, '2026-03-02T03:00:00Z', buyer('B1000002', { temperature: 37.3 })],
  ] as const;
  await platform.database.db
    .insert(phRegistration)
    .values(rows.map(([pharmacy, at, input]) => sealRegistration(ctx, pharmacy, input, { registeredAt: new Date(at), source: 'counter' })));
  // 27 February was purged: its tallies (per pharmacy and medicine class) are all that is left.
  const tally = (pharmacy: (typeof pharmacies)[0], medicineClass: string, registrations: number, symptomaticPeople: number) => ({
    districtCode: home.code,
    registeredOn: '2026-02-27',
    pharmacyId: pharmacy.id,
    medicineClass,
    streetCode: pharmacy.streetCode,
    registrations,
    people: registrations,
    symptomaticPeople,
    followUpPeople: 0,
    contactPeople: 0,
    purgedAt: new Date('2026-06-01T00:00:00Z'),
  });
  await platform.database.db
    .insert(phRegistrationTally)
    .values([tally(first, 'antipyretic', 3, 1), tally(first, 'cough', 2, 1), tally(second, 'antiviral', 1, 0)]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

const days = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'];
const read = async (options: { symptomaticOnly?: boolean } = {}) => {
  const ctx = systemContext(platform);
  const scope = sql`r.district_code = ${home.code}`;
  return {
    whole: await dailySeries(ctx, scope, '2026-02-27', '2026-03-02', options),
    streets: await dailySeries(ctx, scope, '2026-02-27', '2026-03-02', { ...options, byStreet: true }),
  };
};

describe('daily series of the whole district and of each street', () => {
  it('counts a person once a day in each street and once across the district; every registration and purged tally adds up', async () => {
    const series = await read();
    const [street1, street2] = home.stations.map((station) => station.streetCode) as [string, string];
    expect(series.whole).toEqual({ days, symptomatic: [2, 0, 1, 2], registrations: [6, 0, 4, 2] });
    expect(series.streets.get(street1)).toEqual({ days, symptomatic: [2, 0, 1, 0], registrations: [5, 0, 3, 0] });
    expect(series.streets.get(street2)).toEqual({ days, symptomatic: [0, 0, 1, 2], registrations: [1, 0, 1, 2] });
    expect(series.streets.size).toBe(2);
  });

  it('reading only symptomatic rows (what EARS reads) gives the same people; kept registrations count the symptomatic rows only', async () => {
    const series = await read({ symptomaticOnly: true });
    const [street1, street2] = home.stations.map((station) => station.streetCode) as [string, string];
    expect(series.whole).toEqual({ days, symptomatic: [2, 0, 1, 2], registrations: [6, 0, 3, 2] });
    expect(series.streets.get(street1)).toEqual({ days, symptomatic: [2, 0, 1, 0], registrations: [5, 0, 2, 0] });
    expect(series.streets.get(street2)).toEqual({ days, symptomatic: [0, 0, 1, 2], registrations: [1, 0, 1, 2] });
  });
});
