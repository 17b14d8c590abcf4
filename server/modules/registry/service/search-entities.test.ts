import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict, seedDemoDistrict } from '../../../demo/index.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import type { EntitySearchQuery } from '../registry.schemas.ts';
import { entity } from '../registry.tables.ts';
import { searchGrams } from '../rules/search-grams.ts';
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
          // Names starting with the query first (equal, then shorter), each group newest first.
          const term = filter.q?.toLowerCase();
          const group = (name: string) => (!term ? 0 : name.toLowerCase() === term ? 0 : name.toLowerCase().startsWith(term) ? 1 : 2);
          const ranks = plain.items.map((item) => group(item.name));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          const rest = plain.items.filter((item) => group(item.name) === 2).map((item) => item.id);
          expect(rest).toEqual([...rest].sort((a, b) => b - a));
        }
      }
    }
  });

  it('puts the shop sought on page 1 for a two-character fragment: equal and starting names first, then the rest', async () => {
    const section = contextOf(actor({}));
    // Two old registrations (the lowest ids: last in newest-first order) whose names are, and start with, 顺发.
    const [newest] = await platform.database.db.select().from(entity).orderBy(desc(entity.id)).limit(1);
    if (!newest) throw new Error('no demo entity');
    for (const [id, name, creditCode] of [
      [-2, '顺发小吃店', '92330212MA0000001X'],
      [-1, '顺发', '92330212MA0000002X'],
    ] as const)
      await platform.database.db.insert(entity).values({ ...newest, id, name, creditCode, searchGrams: searchGrams(name, newest.address) });
    // Every match, across pages, in the order the search gives them.
    const all: { id: number; name: string }[] = [];
    for (let page = 1; ; page++) {
      const { items } = await searchEntities(section, { q: '顺发', page, pageSize: 200 });
      all.push(...items);
      if (items.length < 200) break;
    }
    expect(all.length).toBeGreaterThan(20); // newest first, the two would be past page 1
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length); // no row twice across pages
    const starting = all.filter((item) => item.name.startsWith('顺发'));
    expect(starting.map((item) => item.name)).toEqual(['顺发', '顺发小吃店']);
    expect(starting.length).toBeGreaterThan(0);
    expect(all.slice(0, starting.length)).toEqual(starting.sort((a, b) => a.name.length - b.name.length || b.id - a.id));
    const firstPage = await searchEntities(section, { q: '顺发', page: 1, pageSize: 20 });
    expect(firstPage.items.slice(0, 2).map((item) => item.name)).toEqual(['顺发', '顺发小吃店']);
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
