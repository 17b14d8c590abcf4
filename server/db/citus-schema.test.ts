import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-platform.ts';
import { kindOf, localTables, placementOrder } from './citus.ts';
import { type Database, queryRows } from './client.ts';

// What Citus will demand of the schema, checked on every engine (docs/decisions/0020): a migration that the
// cluster would refuse fails here, in `npm test`, naming the table.

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

interface TableRow {
  name: string;
  has_district: boolean;
}

async function tables(): Promise<Map<string, 'district' | 'global'>> {
  const rows = await queryRows<TableRow>(
    database.db,
    sql`select c.relname as name,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'district_code' and not a.attisdropped) as has_district
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`,
  );
  const local: readonly string[] = localTables;
  return new Map(rows.filter((row) => !local.includes(row.name)).map((row) => [row.name, kindOf(row.name, row.has_district)]));
}

describe('the schema distributes on Citus', () => {
  it('keys every district table by its district: primary key, unique indexes and foreign keys to other district tables', async () => {
    const kinds = await tables();
    const uniques = await queryRows<{ table: string; index: string; columns: string[]; primary: boolean }>(
      database.db,
      sql`select t.relname as table, i.relname as index, x.indisprimary as primary,
            array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
          from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
          join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = 'public' and (x.indisunique or x.indisprimary)`,
    );
    const keys = await queryRows<{ from_table: string; to_table: string; name: string; pairs: string[] }>(
      database.db,
      sql`select c.conrelid::regclass::text as from_table, c.confrelid::regclass::text as to_table, c.conname as name,
            array(select fa.attname || '=' || ta.attname
                    from unnest(c.conkey, c.confkey) k(f, t)
                    join pg_attribute fa on fa.attrelid = c.conrelid and fa.attnum = k.f
                    join pg_attribute ta on ta.attrelid = c.confrelid and ta.attnum = k.t) as pairs
          from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
    );
    const problems = [
      ...[...kinds]
        .filter(([, kind]) => kind === 'district')
        .filter(([table]) => !uniques.some((index) => index.table === table && index.primary))
        .map(([table]) => `${table}: a district table without a primary key`),
      ...uniques
        .filter((index) => kinds.get(index.table) === 'district' && !index.columns.includes('district_code'))
        .map(
          (index) =>
            `${index.table}: ${index.primary ? 'primary key' : `unique index ${index.index}`} (${index.columns}) without district_code`,
        ),
      ...keys
        .filter((key) => kinds.get(key.from_table) === 'district' && kinds.get(key.to_table) === 'district')
        .filter((key) => !key.pairs.includes('district_code=district_code'))
        .map((key) => `${key.from_table}: foreign key ${key.name} to ${key.to_table} not through district_code`),
      ...keys
        .filter((key) => kinds.get(key.from_table) === 'global' && kinds.get(key.to_table) === 'district')
        .map((key) => `${key.from_table}: a global table with foreign key ${key.name} to the district table ${key.to_table}`),
    ];
    expect(problems).toEqual([]);
  });

  it('has no trigger on a district table but guards that only refuse', async () => {
    const kinds = await tables();
    const triggers = await queryRows<{ table: string; trigger: string; body: string }>(
      database.db,
      sql`select c.relname as table, t.tgname as trigger, p.prosrc as body
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and not t.tgisinternal`,
    );
    const guard = /^\s*begin\s+raise\s+exception\s+'[^']*'\s*;\s*end\s*;?\s*$/i;
    expect(
      triggers.filter((row) => kinds.get(row.table) === 'district' && !guard.test(row.body)).map((row) => `${row.table}: ${row.trigger}`),
    ).toEqual([]);
    expect(triggers.map((row) => row.trigger).sort()).toEqual(
      expect.arrayContaining(['audit_event_no_truncate', 'audit_event_no_update', 'ws_snapshot_no_update']),
    );
  });
});

describe('placement order', () => {
  it('places global tables first, referenced tables before the tables pointing at them, and refuses a global table that points at a district table', () => {
    const order = placementOrder(
      [
        { table: 'licence', kind: 'district' },
        { table: 'entity', kind: 'district' },
        { table: 'audit_event', kind: 'district' },
        { table: 'district', kind: 'global' },
        { table: 'street', kind: 'district' },
        { table: 'job_run', kind: 'global' },
      ],
      [
        { from_table: 'licence', to_table: 'entity' },
        { from_table: 'entity', to_table: 'street' },
        { from_table: 'entity', to_table: 'district' },
        { from_table: 'street', to_table: 'district' },
        { from_table: 'entity', to_table: 'entity' },
      ],
    );
    expect(order.map((placement) => placement.table)).toEqual(['district', 'job_run', 'audit_event', 'street', 'entity', 'licence']);
    expect(() =>
      placementOrder(
        [
          { table: 'app_user', kind: 'global' },
          { table: 'org_unit', kind: 'district' },
        ],
        [{ from_table: 'app_user', to_table: 'org_unit' }],
      ),
    ).toThrow(/global table app_user has a foreign key to district table org_unit/);
    expect(kindOf('app_user', true)).toBe('global');
    expect(kindOf('entity', true)).toBe('district');
    expect(kindOf('holiday_calendar', false)).toBe('global');
  });
});
