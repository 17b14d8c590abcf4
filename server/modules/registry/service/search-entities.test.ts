import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict, seedDemoDistrict } from '../../../demo/index.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import type { EntitySearchQuery } from '../registry.schemas.ts';
import { searchCountCap, searchEntities } from './search-entities.ts';

let platform: TestPlatform;

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 1,
  username: 'section',
  displayName: 'section',
  districtCode: demoDistrict.code,
  districtCodes: [demoDistrict.code],
  roles: ['section'],
  orgUnitId: null,
  isDistrictWide: true,
  streetCodes: [],
  entityIds: [],
  labId: null,
  ...overrides,
});

const contextOf = (who: Actor): ActorContext => ({
  db: platform.database.db,
  clock: platform.clock,
  crypto: platform.crypto,
  log: platform.log,
  meta: { ip: 'test', requestId: 'search-test', userAgent: 'vitest', language: 'zh-CN' },
  actor: who,
});

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  // ~2,100 entities: enough for common and rare terms, pages past the probe window, and a capped count.
  await seedDemoDistrict(platform, { seed: 'search-test', scale: 0.03, withAccounts: false });
}, 60_000);

afterAll(async () => {
  await platform.database.close();
});

const queries: Omit<EntitySearchQuery, 'page' | 'pageSize'>[] = [
  {},
  { q: '店' },
  { q: '宁' },
  { q: '腌' },
  { q: '罕' },
  { q: '餐饮' },
  { q: '宁波' },
  { q: '罕见' },
  { q: '小吃店' },
  { q: '钟公庙路' },
  { q: '91330212' },
  { q: 'JY2330212' },
  { status: 'cancelled' },
  { kind: 'individual', status: 'active' },
  { category: 'catering', street: `${demoDistrict.code}004` },
  { expiringWithinDays: 30 },
  { q: '店', status: 'cancelled' },
];

describe('searchEntities', () => {
  it('returns the same pages and totals whether the newest-rows probe serves them or the whole table does', async () => {
    const section = contextOf(actor({}));
    const inspector = contextOf(
      actor({ roles: ['inspector'], isDistrictWide: false, streetCodes: [`${demoDistrict.code}001`, `${demoDistrict.code}002`] }),
    );
    for (const ctx of [section, inspector]) {
      for (const filter of queries) {
        for (const page of [1, 2, 7]) {
          const query = { ...filter, page, pageSize: 10 };
          // probeRows 0: never probed (the plain query, newest first by the primary key).
          const plain = await searchEntities(ctx, query, { probeRows: 0 });
          const smallProbe = await searchEntities(ctx, query, { probeRows: 40 });
          const wholeProbe = await searchEntities(ctx, query, { probeRows: 100_000 });
          expect(smallProbe, JSON.stringify({ who: ctx.actor.roles, query })).toEqual(plain);
          expect(wholeProbe, JSON.stringify({ who: ctx.actor.roles, query })).toEqual(plain);
          const ids = plain.items.map((item) => item.id);
          expect(ids).toEqual([...ids].sort((a, b) => b - a));
        }
      }
    }
  });

  it('caps the count, and counts exactly below the cap', async () => {
    const section = contextOf(actor({}));
    const everything = await searchEntities(section, { q: '宁波', page: 1, pageSize: 20 });
    expect(everything).toMatchObject({ total: searchCountCap, totalIsCapped: true });
    const few = await searchEntities(section, { q: '腌', page: 1, pageSize: 5 });
    expect(few.totalIsCapped).toBe(false);
    expect(few.total).toBeLessThan(searchCountCap);
    const all = await searchEntities(section, { q: '腌', page: 1, pageSize: 100 });
    expect(all.total).toBe(few.total);
    expect(all.items).toHaveLength(few.total);
  });
});
