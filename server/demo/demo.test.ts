import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCreditCode } from '../../shared/credit-code.ts';
import { isValidResidentId } from '../../shared/resident-id.ts';
import { queryRows } from '../db/client.ts';
import { complaintStatistics } from '../modules/complaints/index.ts';
import { caseStatistics } from '../modules/enforcement/index.ts';
import { registryStatistics } from '../modules/registry/index.ts';
import { colourMap } from '../modules/risk-code/index.ts';
import { samplingStatistics } from '../modules/sampling/index.ts';
import { appUser, userEntity } from '../platform/auth/auth.tables.ts';
import type { ActorContext } from '../platform/http/context.ts';
import { type TestPlatform, testPlatform } from '../test/test-platform.ts';
import { planDemoEntities } from './demo-entities.ts';
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
}, 400_000);

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

  it('gives the sampling figures of the 2020 work summary exactly', async () => {
    const sampling = await samplingStatistics(leader, { year: 2020, kind: 'routine', field: 'food' });
    expect(sampling.totals).toMatchObject({ batches: 210, qualified: 193, wholePercent: 92 });
    expect([sampling.categoryCount, sampling.productCount]).toEqual([15, 27]);
  });

  it('has the pilot pedestrian street 宁大步行街 with every catering unit inspected and coded (100% coverage)', async () => {
    const areas = await queryRows<{ id: string | number }>(
      platform.database.db,
      sql`select id from rc_map_area where district_code = ${demoDistrict.code} and name = '宁大步行街'`,
    );
    expect(areas).toHaveLength(1);
    const map = await colourMap(leader, { areaId: Number(areas[0]?.id) });
    expect(map.total).toBeGreaterThanOrEqual(5);
    expect(map.coverageBasisPoints).toBe(10_000);
    expect(map.points.every((point) => point.colour !== null && point.inspectedAndCoded)).toBe(true);
  });

  it('is deterministic: the same seed gives the same register', () => {
    const first = planDemoEntities(createRandom('same'), 1, '2026-03-02').slice(0, 300);
    const second = planDemoEntities(createRandom('same'), 1, '2026-03-02').slice(0, 300);
    expect(second).toEqual(first);
    expect(planDemoEntities(createRandom('other'), 1, '2026-03-02')[0]?.name).not.toBe(first[0]?.name);
  });
});
