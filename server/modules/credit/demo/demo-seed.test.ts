import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { queryRows } from '../../../db/client.ts';
import { createRandom } from '../../../demo/prng.ts';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { creditFigures } from '../credit.figures.ts';
import { creditAbnormalListing, creditAnnualReport } from '../credit.tables.ts';
import { seedCreditDemo } from './demo-seed.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const cookie = await signIn(app, home.users.section.username);
  for (let index = 0; index < 24; index++) {
    const body = `${index % 2 ? '92' : '91'}${home.code}${String(index).padStart(8, '0')}1`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name: `演示主体${index}`,
        kind: index % 2 ? 'individual' : 'enterprise',
        legalRepName: '王五',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'F52',
        foundedOn: index < 20 ? '2016-05-01' : '2021-05-01',
        address: '演示路1号',
        streetCode: home.stations[index % 2 ? 1 : 0].streetCode,
        businessCategory: 'other',
      },
    });
    expect(created.statusCode).toBe(201);
  }
  await seedCreditDemo(systemContext(platform), {
    districtCode: home.code,
    random: createRandom('demo-test:credit').float,
    today: '2026-03-02',
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the credit demo', () => {
  it('has the reports due of 2018 to last year, an entity registered in 2021 from its 2021 report on', async () => {
    const years = await queryRows<{ report_year: number; due: number }>(
      home.ctx.db,
      sql`select report_year, count(*)::int as due from credit_annual_report where district_code = ${home.code} group by 1 order by 1`,
    );
    expect(years).toEqual([
      { report_year: 2018, due: 20 },
      { report_year: 2019, due: 20 },
      { report_year: 2020, due: 20 },
      { report_year: 2021, due: 24 },
      { report_year: 2022, due: 24 },
      { report_year: 2023, due: 24 },
      { report_year: 2024, due: 24 },
      // The 2025 window is open on 2 March 2026: only those who filed early have filed.
      { report_year: 2025, due: 24 },
    ]);
  });

  it('lists every non-filer of a closed window on 14 July, removes those that filed late, and the figure counts the same rows', async () => {
    const late = await home.ctx.db
      .select()
      .from(creditAnnualReport)
      .where(
        and(
          eq(creditAnnualReport.districtCode, home.code),
          eq(creditAnnualReport.reportYear, 2019),
          sql`(filed_on is null or filed_on > deadline)`,
        ),
      );
    const listings = await home.ctx.db
      .select()
      .from(creditAbnormalListing)
      .where(and(eq(creditAbnormalListing.districtCode, home.code), eq(creditAbnormalListing.reportYear, 2019)));
    expect(listings.map((listing) => listing.entityId).sort()).toEqual(late.map((report) => report.entityId).sort());
    expect(listings.every((listing) => listing.decidedOn === '2020-07-14')).toBe(true);
    for (const listing of listings) {
      const report = late.find((row) => row.entityId === listing.entityId);
      expect(listing.status === 'removed').toBe(report?.filedOn !== null && report?.filedOn !== undefined);
      expect(listing.measure).toBe(listing.entityKind === 'enterprise' ? 'listing' : 'marking');
    }
    const rate = creditFigures.find((figure) => figure.key === 'credit.annual-report-filing-rate');
    const ctx = { ...systemContext(platform), actor: systemActorFor(home.code) };
    const result = await rate?.compute(ctx, { from: '2020-01-01', to: '2020-06-30' });
    const onTime = 20 - late.length;
    expect(result?.value).toBe(Math.round((onTime / 20) * 10_000) / 100);
  });
});
