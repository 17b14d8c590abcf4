import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryStatistics, searchEntities } from '../modules/registry/index.ts';
import { systemContext } from '../platform/http/context.ts';
import type { Actor } from '../platform/scope/actor.ts';
import { systemActorFor } from '../platform/scope/actor.ts';
import { createTestDistrict } from '../test/factories.ts';
import { type TestPlatform, testPlatform } from '../test/test-platform.ts';
import { globalTablesWithDistrict, localTables } from './citus.ts';
import type { Db } from './client.ts';

// Runs only in `npm run test:citus` (vitest.citus.config.ts): what the migrator made of the schema on the cluster,
// and where one district's queries go.

let platform: TestPlatform;
let pool: pg.Pool;
beforeAll(async () => {
  platform = await testPlatform();
  pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await platform.database.close();
});

interface Placement {
  name: string;
  has_district: boolean;
  method: string | null;
  column: string | null;
  colocation: number | null;
}

describe('the schema on Citus', () => {
  it('distributes every district table on district_code in one colocation group, and replicates the global tables', async () => {
    const { rows } = await pool.query<Placement>(`
      select c.relname as name,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'district_code' and not a.attisdropped) as has_district,
             p.partmethod as method,
             case when p.partmethod = 'h' then column_to_column_name(p.logicalrelid, p.partkey) end as column,
             p.colocationid as colocation
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        left join pg_dist_partition p on p.logicalrelid = c.oid
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       order by c.relname`);
    const local: readonly string[] = localTables;
    const wrong = rows.flatMap((row) => {
      if (local.includes(row.name)) return row.method ? [`${row.name}: the migrator's own table must stay local`] : [];
      const isDistrictTable = row.has_district && !(row.name in globalTablesWithDistrict);
      if (isDistrictTable && (row.method !== 'h' || row.column !== 'district_code'))
        return [`${row.name}: a district table not distributed on district_code (${row.method ?? 'not placed'})`];
      if (!isDistrictTable && row.method !== 'n') return [`${row.name}: a global table not replicated (${row.method ?? 'not placed'})`];
      return [];
    });
    expect(wrong).toEqual([]);
    const groups = new Set(rows.filter((row) => row.method === 'h').map((row) => row.colocation));
    expect(groups.size, 'district tables not colocated').toBe(1);
    expect(rows.filter((row) => row.method === 'h').length).toBeGreaterThan(70);
  });
});

/** A database handle that records every statement the services send, to EXPLAIN them afterwards. */
function recordingDb(statements: { text: string; params: unknown[] }[]): Db {
  return drizzle({
    client: pool,
    logger: { logQuery: (text, params) => statements.push({ text, params }) },
  }) as unknown as Db;
}

/** The number of shard tasks Citus plans for each statement that reads `table`. */
async function taskCounts(statements: { text: string; params: unknown[] }[], table: string): Promise<number[]> {
  const counts: number[] = [];
  for (const statement of statements.filter((candidate) => candidate.text.includes(`"${table}"`) || candidate.text.includes(` ${table}`))) {
    const { rows } = await pool.query(`explain (format json) ${statement.text}`, statement.params);
    const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
    const tasks = [...plan.matchAll(/"Task Count":(\d+)/g)].map((match) => Number(match[1]));
    counts.push(Math.max(...tasks));
  }
  return counts;
}

describe('queries of one district on Citus', () => {
  it('send the entity search and the registry statistics of one district to one shard, and a city’s to every shard of its districts', async () => {
    const cityCode = `7${String(Date.now() % 1000).padStart(3, '0')}00`;
    const districts = [];
    for (let index = 1; index <= 4; index += 1)
      districts.push(await createTestDistrict(platform, { code: `${cityCode.slice(0, 4)}0${index}`, cityCode }));
    const one = districts[0];
    if (!one) throw new Error('no district');

    const statements: { text: string; params: unknown[] }[] = [];
    const ctxFor = (actor: Actor) => ({ ...systemContext(platform, 'citus-test'), db: recordingDb(statements), actor });
    await searchEntities(ctxFor(systemActorFor(one.code)), { q: '店', page: 1, pageSize: 20 });
    await searchEntities(ctxFor(systemActorFor(one.code)), { street: `${one.code}001`, page: 1, pageSize: 20 });
    await registryStatistics(ctxFor(systemActorFor(one.code)), { asOf: '2026-03-01' });
    const oneDistrict = await taskCounts(statements, 'entity');
    expect(oneDistrict.length).toBeGreaterThanOrEqual(4);
    expect(oneDistrict.every((count) => count === 1)).toBe(true);

    statements.length = 0;
    const city: Actor = { ...systemActorFor(one.code), districtCodes: districts.map((district) => district.code) };
    await registryStatistics(ctxFor(city), { asOf: '2026-03-01' });
    const wholeCity = await taskCounts(statements, 'entity');
    expect(wholeCity.length).toBe(2);
    expect(wholeCity.every((count) => count > 1)).toBe(true);
  });
});
