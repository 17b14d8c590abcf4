import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../shared/calendar-day.ts';
import { validateCreditCode } from '../../shared/credit-code.ts';
import { isValidResidentId } from '../../shared/resident-id.ts';
import { queryRows } from '../db/client.ts';
import { coldChainFigures, demoColdChain } from '../modules/cold-chain/index.ts';
import { complaintStatistics } from '../modules/complaints/index.ts';
import { caseStatistics } from '../modules/enforcement/index.ts';
import { staffStatistics } from '../modules/food-safety/index.ts';
import { pharmacyFigures } from '../modules/pharmacies/index.ts';
import { registryStatistics } from '../modules/registry/index.ts';
import { colourMap, pointInRing, riskCodeFigures } from '../modules/risk-code/index.ts';
import { samplingStatistics } from '../modules/sampling/index.ts';
import { appUser, userEntity } from '../platform/auth/auth.tables.ts';
import type { FigureDefinition } from '../platform/figures/figure-definition.ts';
import { type FigurePeriod, parsePeriod } from '../platform/figures/figure-period.ts';
import type { ActorContext } from '../platform/http/context.ts';
import { type TestPlatform, testPlatform } from '../test/test-platform.ts';
import { planDemoEntities } from './demo-entities.ts';
import { demoStreets } from './demo-places.ts';
import { demoYears } from './demo-years.ts';
import { demoAccounts, demoDistrict, seedDemoDistrict } from './index.ts';
import { createRandom } from './prng.ts';

let platform: TestPlatform;
let leader: ActorContext;

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  await seedDemoDistrict(platform, { seed: 'zhijian' });
  leader = {
    db: platform.database.db,
    clock: platform.clock,
    crypto: platform.crypto,
    log: platform.log,
    meta: { ip: 'test', requestId: 'demo-test', userAgent: 'vitest', language: 'zh-CN' },
    actor: {
      userId: 1,
      username: 'leader',
      displayName: 'leader',
      districtCode: demoDistrict.code,
      districtCodes: [demoDistrict.code],
      roles: ['leader'],
      orgUnitId: null,
      isDistrictWide: true,
      streetCodes: [],
      entityIds: [],
      labId: null,
    },
  };
}, 1_800_000);

afterAll(async () => {
  await platform.database.close();
});

describe('the demo district', () => {
  it('gives the registry figures of the 2020 work summary exactly', async () => {
    const statistics = await registryStatistics(leader, { asOf: '2020-12-31' });
    expect(statistics.yearEarlier).toBe('2019-12-31');
    expect(statistics.total.count).toBe(51_632);
    expect(statistics.byKind).toEqual([
      { key: 'enterprise', count: 22_774, countYearEarlier: 20_876, growthPercent: 9.09 },
      { key: 'individual', count: 28_858, countYearEarlier: 26_408, growthPercent: 9.28 },
    ]);
    expect(statistics.byStreet).toHaveLength(7);
    expect(statistics.byStreet.reduce((sum, street) => sum + street.count, 0)).toBe(51_632);
    expect(statistics.byStatus.find((row) => row.key === 'active')?.count).toBe(51_632);
    expect(statistics.byStatus.find((row) => row.key === 'cancelled')?.count).toBeGreaterThan(0);
  });

  it('has the special populations later modules need, with their licences', async () => {
    const rows = await queryRows<{ category: string; entities: number; licensed: number }>(
      platform.database.db,
      sql`select e.business_category as category, count(*)::int as entities,
            count(*) filter (where exists (select 1 from licence l where l.district_code = e.district_code and l.entity_id = e.id))::int as licensed
          from entity e where e.district_code = ${demoDistrict.code} and e.status = 'active' group by 1`,
    );
    const of = (category: string) => rows.find((row) => row.category === category);
    expect(of('pharmacy')).toEqual({ category: 'pharmacy', entities: 176, licensed: 176 });
    expect(of('farmers_market')?.entities).toBe(18);
    expect(of('catering')).toEqual({ category: 'catering', entities: 3_000, licensed: 3_000 });
    expect(of('food_workshop')).toEqual({ category: 'food_workshop', entities: 120, licensed: 120 });
    expect(of('special_equipment_user')?.entities).toBe(300);
    const expiry = await queryRows<{ expired: number; soon: number }>(
      platform.database.db,
      sql`select count(*) filter (where valid_until < '2026-03-02')::int as expired,
                 count(*) filter (where valid_until between '2026-03-02' and '2026-04-01')::int as soon
          from licence where district_code = ${demoDistrict.code}`,
    );
    expect(expiry[0]?.expired).toBeGreaterThan(50);
    expect(expiry[0]?.soon).toBeGreaterThan(20);
  });

  it('has valid credit codes and ID numbers, and encrypts the ID numbers', async () => {
    const sample = await queryRows<{ credit_code: string; legal_rep_id_enc: string }>(
      platform.database.db,
      sql`select credit_code, legal_rep_id_enc from entity where district_code = ${demoDistrict.code} order by id limit 500`,
    );
    for (const row of sample) {
      expect(validateCreditCode(row.credit_code)).toEqual({ ok: true });
      expect(isValidResidentId(platform.crypto.decrypt(row.legal_rep_id_enc))).toBe(true);
    }
  });

  it('creates one account per demo role, operators bound to catering shops', async () => {
    const users = await platform.database.db.select().from(appUser).where(eq(appUser.districtCode, demoDistrict.code));
    expect(users.map((user) => user.username).sort()).toEqual(demoAccounts.map((account) => account.username).sort());
    for (const account of demoAccounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(12);
      expect(account.username).toMatch(/^[a-z0-9][a-z0-9._-]{2,39}$/);
    }
    const operator = users.find((user) => user.username === 'operator1');
    const bound = await platform.database.db
      .select()
      .from(userEntity)
      .where(and(eq(userEntity.districtCode, demoDistrict.code), eq(userEntity.userId, operator?.id ?? 0)));
    expect(bound).toHaveLength(1);
  });

  it('gives the complaint and case figures of the 2020 work summary exactly', async () => {
    const complaints = await complaintStatistics(leader, { from: '2020-01-01', to: '2020-12-31' });
    expect(complaints.total).toMatchObject({
      complaintsAndReports: 3_325,
      complaintsAndReportsLastYear: 2_072,
      yearOnYear: '60.47',
      petitionsClosed: 481,
    });
    expect(complaints.total.satisfactionRate).toMatch(/^98(\.00)?$/);
    const cases = await caseStatistics(leader, { from: '2020-01-01', to: '2020-12-31' });
    expect(cases.total).toMatchObject({ closed: 365, major: 77, amount: '8277300.00', majorAmount: '6649300.00' });
  });

  it('has last month’s red and black lists published on the 1st, as the monthly job does, not this month’s', async () => {
    const today = todayInChina(leader.clock.now());
    const [year, month] = today.split('-').map(Number) as [number, number];
    const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const snapshots = await queryRows<{ period: string; published_on: string; published_by: number | null }>(
      platform.database.db,
      sql`select period, published_on::text, published_by from ws_snapshot where district_code = ${demoDistrict.code}`,
    );
    expect(snapshots).toEqual([{ period: lastMonth, published_on: `${today.slice(0, 7)}-01`, published_by: null }]);
  });

  it('names the latest year with data, so the statistics pages open on a year that is not empty', async () => {
    const thisYear = Number(leader.clock.now().toISOString().slice(0, 4));
    const lastYear = { from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31` };
    const complaints = await complaintStatistics(leader, lastYear);
    const cases = await caseStatistics(leader, lastYear);
    for (const latestYear of [complaints.latestYear, cases.latestYear]) {
      expect(latestYear).not.toBeNull();
      expect(latestYear).toBeLessThanOrEqual(thisYear);
    }
    const complaintsThen = await complaintStatistics(leader, {
      from: `${complaints.latestYear}-01-01`,
      to: `${complaints.latestYear}-12-31`,
    });
    expect(complaintsThen.total.complaintsAndReports + complaintsThen.total.petitionsReceived).toBeGreaterThan(0);
    const casesThen = await caseStatistics(leader, { from: `${cases.latestYear}-01-01`, to: `${cases.latestYear}-12-31` });
    expect(casesThen.total.opened + casesThen.total.closed).toBeGreaterThan(0);
  });

  it('gives the sampling figures of the 2020 work summary exactly', async () => {
    // The summary's 210 batches are industrial products (it was modelled as food before: corrected by issue 16).
    const sampling = await samplingStatistics(leader, { year: 2020, kind: 'routine', field: 'industrial' });
    expect(sampling.totals).toMatchObject({ batches: 210, qualified: 193, wholePercent: 92 });
    expect([sampling.categoryCount, sampling.productCount]).toEqual([15, 27]);
  });

  it('has the pilot pedestrian street 宁大步行街 with every catering unit inspected and coded (100% coverage)', async () => {
    const areas = await queryRows<{ id: string | number }>(
      platform.database.db,
      sql`select id from rc_map_area where district_code = ${demoDistrict.code} and name = '宁大步行街'`,
    );
    expect(areas).toHaveLength(1);
    const map = await colourMap(leader, { areaId: Number(areas[0]?.id) }, { hasTiles: false });
    expect(map.total).toBeGreaterThanOrEqual(5);
    expect(map.coverageBasisPoints).toBe(10_000);
    expect(map.points.every((point) => point.colour !== null && point.inspectedAndCoded)).toBe(true);
  });

  it('colours the catering units at each year’s end as the facts then stood: the colours change over the years', async () => {
    const changes = await queryRows<{ year: number; changes: number; first: number }>(
      platform.database.db,
      sql`select extract(year from changed_at at time zone 'Asia/Shanghai')::int as year, count(*)::int as changes,
            count(*) filter (where from_colour is null)::int as first
          from rc_colour_history where district_code = ${demoDistrict.code} group by 1 order by 1`,
    );
    // The first colours at the end of 2020, then changes in every year to today (2026-03-02 in the tests).
    expect(changes.map((row) => row.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const row of changes.slice(1)) expect(row.changes - row.first, String(row.year)).toBeGreaterThan(20);
    const coded = riskCodeFigures.find((figure) => figure.key === 'risk-code.coded-units') as FigureDefinition;
    const [inBusiness] = await queryRows<{ at2020: number; now: number }>(
      platform.database.db,
      sql`select count(*) filter (where founded_on <= '2020-12-31' and (ended_on is null or ended_on > '2020-12-31'))::int as at2020,
            count(*) filter (where ended_on is null or ended_on > '2026-12-31')::int as now
          from entity where district_code = ${demoDistrict.code} and business_category = 'catering'`,
    );
    // Every catering unit in business at a year's end had a colour then; units opened later had none yet.
    expect((await coded.compute(leader, parsePeriod('2020') as FigurePeriod)).value).toBe(inBusiness?.at2020);
    expect((await coded.compute(leader, parsePeriod('2026') as FigurePeriod)).value).toBe(inBusiness?.now);
  });

  it('counts the work summary’s 12,280 food handlers at the end of 2020, and the people working today', async () => {
    const then = await staffStatistics(leader, { date: '2020-12-31', groupBy: 'street' });
    expect(then.total.employed).toBe(12_280);
    expect(then.rows.reduce((sum, row) => sum + row.employed, 0)).toBe(12_280);
    const now = await staffStatistics(leader, { date: '2026-03-02', groupBy: 'station' });
    expect(now.total.employed).toBeGreaterThan(12_000);
    // Renewed and lapsing certificates: most valid, some expiring within 30 days, some expired.
    expect(now.total.valid).toBeGreaterThan(now.total.employed * 0.7);
    expect(now.total.expiring).toBeGreaterThan(now.total.employed * 0.04);
    expect(now.total.expired).toBeGreaterThan(0);
    const [renewals] = await queryRows<{ people: number; certificates: number }>(
      platform.database.db,
      sql`select count(distinct handler_id)::int as people, count(*)::int as certificates
          from health_certificate where district_code = ${demoDistrict.code} and examined_on between '2025-01-01' and '2025-12-31'`,
    );
    expect(renewals?.certificates).toBeGreaterThan(10_000);
  });

  it('lives on from 2021 to today: every year has the complaints, cases and samples its trend asks for', async () => {
    const years = demoYears('2026-03-02');
    expect(years.map((year) => year.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of years) {
      const range = { from: `${year.year}-01-01`, to: `${year.year}-12-31` };
      const complaints = await complaintStatistics(leader, range);
      // The trend's items, plus the ones still open in the queues today (received in the last weeks).
      const [open] = await queryRows<{ items: number }>(
        platform.database.db,
        sql`select count(*)::int as items from complaint where district_code = ${demoDistrict.code} and kind <> 'petition'
            and status not in ('closed', 'rejected') and received_on between ${range.from}::date and ${range.to}::date`,
      );
      expect(complaints.total.complaintsAndReports).toBe(year.complaints.accepted + (open?.items ?? 0));
      // The 12 petitions of the year before's last days close in January: a trend below that (early in the year) has them.
      expect(complaints.total.petitionsClosed).toBe(Math.max(year.complaints.petitionsClosed, 12));
      const cases = await caseStatistics(leader, range);
      expect(cases.total.closed).toBe(year.cases.closed);
      expect(cases.total.major).toBe(year.cases.major);
      expect(cases.total.amount).toBe(year.cases.totalAmountYuan);
      if (year.year < 2026) {
        expect(complaints.total.satisfactionRate).toMatch(/^9[78]/);
        const sampling = await samplingStatistics(leader, { year: year.year, kind: 'routine', field: 'food' });
        expect(sampling.totals.batches).toBe(year.sampling.batches);
      }
    }
    const perYear = await queryRows<{ year: number; inspections: number; draws: number; done: number }>(
      platform.database.db,
      sql`select y.year::int as year,
            (select count(*) from food_inspection i where i.district_code = ${demoDistrict.code}
              and extract(year from i.inspected_on) = y.year)::int as inspections,
            (select count(*) from ri_draw d join ri_plan p on p.district_code = d.district_code and p.id = d.plan_id
              where d.district_code = ${demoDistrict.code} and p.year = y.year and d.status = 'published')::int as draws,
            (select count(*) from ri_task t join ri_draw d on d.district_code = t.district_code and d.id = t.draw_id
              join ri_plan p on p.district_code = d.district_code and p.id = d.plan_id
              where t.district_code = ${demoDistrict.code} and p.year = y.year and t.status = 'done')::int as done
          from generate_series(2021, 2025) as y(year) order by 1`,
    );
    for (const row of perYear) {
      expect(row.inspections).toBeGreaterThan(500);
      expect(row.draws).toBe(1);
      expect(row.done).toBeGreaterThan(0);
    }
  });

  it('gives the 药情每日通 figures of 2020 exactly: 176 pharmacies, 145,318 buyers, 3,046 with symptoms, 4 with contact history', async () => {
    const value = async (key: string, from: string, to: string) =>
      (await (pharmacyFigures.find((figure) => figure.key === key) as (typeof pharmacyFigures)[number]).compute(leader, { from, to }))
        .value;
    expect(await value('pharmacies.reporting-pharmacies', '2020-01-01', '2020-12-31')).toBe(176);
    expect(await value('pharmacies.registrations', '2020-01-01', '2020-12-31')).toBe(145_318);
    expect(await value('pharmacies.symptomatic-people', '2020-01-01', '2020-12-31')).toBe(3_046);
    expect(await value('pharmacies.contact-people', '2020-01-01', '2020-12-31')).toBe(4);
    expect(await value('pharmacies.service-points', '2020-01-01', '2020-12-31')).toBe(9);
    // 阳光药师: above 99% in 2020, and about the same since.
    expect(await value('pharmacies.attendance-rate', '2020-01-01', '2020-12-31')).toBeGreaterThan(99);
    expect(await value('pharmacies.attendance-rate', '2024-01-01', '2024-12-31')).toBeGreaterThan(98.5);
    // The curve peaks in February; later years continue at a low level.
    const february = (await value('pharmacies.registrations', '2020-02-01', '2020-02-29')) ?? 0;
    expect(february).toBeGreaterThan((await value('pharmacies.registrations', '2020-04-01', '2020-04-30')) ?? 0);
    expect(february).toBeGreaterThan(145_318 / 3);
    for (const year of [2021, 2023, 2025]) {
      const later = (await value('pharmacies.registrations', `${year}-01-01`, `${year}-12-31`)) ?? 0;
      expect(later).toBeGreaterThan(1_000);
      expect(later).toBeLessThan(20_000);
    }
  });

  it('has the imported cold chain from November 2020 to today, with the three gaps the findings page shows', async () => {
    const value = async (key: string, from: string, to: string) =>
      (await (coldChainFigures.find((figure) => figure.key === key) as (typeof coldChainFigures)[number]).compute(leader, { from, to }))
        .value;
    expect(await value('cold-chain.batches', '2020-01-01', '2020-12-31')).toBe(demoColdChain.batches2020);
    expect(await value('cold-chain.certified-rate', '2020-01-01', '2020-12-31')).toBe(100);
    expect(await value('cold-chain.scan-coverage', '2020-01-01', '2020-12-31')).toBe(100);
    expect(await value('cold-chain.batches', '2025-01-01', '2025-12-31')).toBeGreaterThan(90);
    const today = todayInChina(platform.clock.now());
    expect(await value('cold-chain.open-loop-findings', today, today)).toBe(3);
  });

  it('has content in every “today” view on the day it is generated', async () => {
    const [today] = await queryRows<Record<string, number>>(
      platform.database.db,
      sql`select
            (select count(*) from complaint where district_code = ${demoDistrict.code} and closed_on is null and current_due is not null)::int as open_complaints,
            (select count(*) from complaint where district_code = ${demoDistrict.code} and closed_on is null and current_due < '2026-03-02')::int as overdue_complaints,
            (select count(*) from enforcement_case where district_code = ${demoDistrict.code} and stage <> 'closed')::int as open_cases,
            (select count(*) from certificate_warning where district_code = ${demoDistrict.code} and closed_on is null)::int as certificate_warnings,
            (select count(*) from licence where district_code = ${demoDistrict.code} and valid_until between '2026-03-02' and '2026-04-01')::int as licences_expiring,
            (select count(*) from food_safety_grade where district_code = ${demoDistrict.code} and next_due_on between '2026-03-02' and '2026-04-01')::int as inspections_due,
            (select count(*) from sample where district_code = ${demoDistrict.code} and status in ('sent', 'received'))::int as samples_at_lab,
            (select count(*) from ri_alert where district_code = ${demoDistrict.code})::int as random_inspection_alerts`,
    );
    expect(Object.keys(today ?? {})).toHaveLength(8);
    for (const [view, count] of Object.entries(today ?? {})) expect(count, view).toBeGreaterThan(0);
  });

  it('the 五色图 street outlines tile the district: each unit lies in its own street only, the views add up', async () => {
    const areas = await queryRows<{ id: string | number; street_code: string; outline: [number, number][] }>(
      platform.database.db,
      sql`select id, street_code, outline from rc_map_area where district_code = ${demoDistrict.code} and kind = 'street' order by street_code`,
    );
    expect(areas).toHaveLength(demoStreets.length);
    const whole = await colourMap(leader, {}, { hasTiles: false });
    let sum = 0;
    for (const area of areas) {
      const view = await colourMap(leader, { areaId: Number(area.id) }, { hasTiles: false });
      sum += view.total;
      expect(view.points.every((point) => point.streetCode === area.street_code)).toBe(true);
    }
    expect(sum).toBe(whole.total);
    for (const point of whole.points) {
      const inside = areas.filter((area) => pointInRing([point.lng as number, point.lat as number], area.outline));
      expect(inside.map((area) => area.street_code)).toEqual([point.streetCode]);
    }
  });

  it('is deterministic: the same seed gives the same register', () => {
    const first = planDemoEntities(createRandom('same'), 1, '2026-03-02').slice(0, 300);
    const second = planDemoEntities(createRandom('same'), 1, '2026-03-02').slice(0, 300);
    expect(second).toEqual(first);
    expect(planDemoEntities(createRandom('other'), 1, '2026-03-02')[0]?.name).not.toBe(first[0]?.name);
  });
});
