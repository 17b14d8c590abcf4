import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../test/test-platform.ts';
import { backupDatabase, migrationSeededTables, quoteIdent, restoreDatabase } from './backup.ts';
import { type Database, openInMemory, openPostgres } from './client.ts';
import { migrate, readMigrations } from './migrate.ts';

const seedSql = `
  INSERT INTO district (code, name, name_en, city_code, province_code)
    VALUES ('330212', '鄞州区', 'Yinzhou', '330200', '330000'), ('330203', '海曙区', 'Haishu''s "quoted"', '330200', '330000');
  -- The child gets a lower id than its parent: the restore must not depend on row order within a table.
  INSERT INTO org_unit (district_code, id, kind, parent_id, name, name_en, phone) VALUES
    ('330212', 7, 'bureau', NULL, '鄞州区市场监督管理局', 'Bureau', NULL),
    ('330212', 3, 'station', 7, '钟公庙所', 'Station $zj$ $$ dollar', '0574-1234'),
    ('330212', 9, 'lab', 7, '检测中心', E'Lab\\nwith newline', NULL);
  INSERT INTO street (district_code, code, name, name_en) VALUES ('330212', '330212001', '钟公庙街道', 'Zhonggongmiao');
  INSERT INTO community (district_code, code, street_code, name, name_en) VALUES ('330212', '330212001001', '330212001', '社区', 'Community');
  INSERT INTO station_street (district_code, street_code, station_id) VALUES ('330212', '330212001', 3);
  INSERT INTO app_user (district_code, id, username, display_name, roles, org_unit_id, password_hash, password_changed_at,
      failed_logins, locked_until, totp_last_step, created_at) VALUES
    ('330212', 1, 'admin', '管理员', ARRAY['admin'], 7, '$argon2id$v=19$m=19456,t=2,p=1$abc$def', '2026-03-02 09:15:30.123456+08', 0, NULL, 9007199254740991, '2026-01-01 00:00:00+00'),
    ('330212', 5, 'inspector.li', '李检查', ARRAY['inspector', 'section'], 3, 'hash', '2026-03-02 01:00:00+00', 2, '2026-03-03 12:00:00+00', NULL, now());
  INSERT INTO entity (district_code, id, credit_code, name, kind, industry_code, registered_capital_wan, founded_on, status,
      status_since, ended_on, street_code, community_code, lng, lat, search_grams) VALUES
    ('330212', 42, '91330212MA2GQ0RX1K', '宁波某某餐饮有限公司', 'enterprise', 'H62', 123456789012.3456, '2019-05-04', 'active',
      '2019-05-04', NULL, '330212001', '330212001001', 121.543210, 29.812345, ARRAY['宁', '波', '宁波']);
  INSERT INTO user_entity (district_code, user_id, entity_id) VALUES ('330212', 5, 42);
  INSERT INTO audit_head (district_code, seq, hash) VALUES ('330212', 2, 'h2');
  INSERT INTO audit_event (district_code, seq, at, actor_user_id, actor_username, actor_roles, action, outcome, detail, key_id, prev_hash, hash) VALUES
    ('330212', 1, '2026-03-02 01:00:00+00', 1, 'admin', ARRAY['admin'], 'user.create', 'success',
      '{"nested": {"list": [1, 2.50, null, "三"], "big": 12345678901234567890}, "quote": "it''s"}', 'k1', '', 'h1'),
    ('330212', 2, '2026-03-02 01:00:01+00', NULL, NULL, '{}', 'auth.login', 'failure', '{}', 'k1', 'h1', 'h2');
  INSERT INTO job_run (job, started_at, outcome, counts, instance) VALUES ('expiry', now(), 'succeeded', '{"n": 3}', 'host-1');
  INSERT INTO import_batch (district_code, id, filename, file_sha256, columns, row_count, new_count, updated_count, unchanged_count, rejected_count)
    VALUES ('330212', 11, '名录.xlsx', 'abc', '[{"from": "名称", "to": "name"}]', 1, 1, 0, 0, 0);
  INSERT INTO import_row (district_code, batch_id, row_number, action, fields, changed, reasons)
    VALUES ('330212', 11, 2, 'new', '{"name": "x"}', ARRAY['name'], '[]');
`;

async function freshDatabase(): Promise<Database> {
  const database = await openInMemory();
  await migrate(database);
  return database;
}

async function tableNames(database: Database): Promise<string[]> {
  const rows = await database.rawTransaction((run) =>
    run(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY tablename`),
  );
  return rows.map((row) => String(row.tablename));
}

/** Every table's rows as text, engine-neutral (UTC, byte order). */
async function snapshot(database: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await tableNames(database)) {
    const [row] = await database.rawTransaction((run) =>
      run(`SET LOCAL TimeZone = 'UTC';
           SELECT coalesce(string_agg(to_jsonb(t.*)::text, E'\\n' ORDER BY to_jsonb(t.*)::text COLLATE "C"), '') AS rows
           FROM public.${quoteIdent(table)} AS t`),
    );
    result[table] = String(row?.rows ?? '');
  }
  return result;
}

async function seededRowCount(database: Database): Promise<number> {
  return Object.entries(await snapshot(database))
    .filter(([table, rows]) => rows && migrationSeededTables.has(table))
    .reduce((sum, [, rows]) => sum + rows.split('\n').length, 0);
}

/** Rows the restore put in: everything but the code lists migrations install. */
async function rowCount(database: Database): Promise<number> {
  return Object.entries(await snapshot(database))
    .filter(([table, rows]) => rows && !migrationSeededTables.has(table))
    .map(([, rows]) => rows)
    .reduce((sum, rows) => sum + rows.split('\n').length, 0);
}

describe('backup and restore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zj-backup-'));
  const file = join(folder, 'dump.jsonl.gz');
  let source: Database;
  let expected: Record<string, string>;

  beforeAll(async () => {
    source = await freshDatabase();
    await source.rawTransaction((run) => run(seedSql));
    expected = await snapshot(source);
  });

  afterAll(async () => {
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a header, tables in foreign-key order, and rows in key order', async () => {
    const summary = await backupDatabase(source, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { format: string; engine: string; migrations: string[] };
    expect(header).toMatchObject({
      format: 'zhijian-backup',
      engine: 'pglite',
      migrations: readMigrations().map((migration) => migration.version),
    });
    const tableOrder = lines.filter((line) => line.startsWith('{"table"')).map((line) => (JSON.parse(line) as { table: string }).table);
    expect(tableOrder.length).toBe(summary.tables);
    const expectBefore = (parent: string, child: string) => expect(tableOrder.indexOf(parent)).toBeLessThan(tableOrder.indexOf(child));
    expectBefore('district', 'org_unit');
    expectBefore('org_unit', 'app_user');
    expectBefore('entity', 'user_entity');
    expectBefore('app_user', 'user_entity');
    expectBefore('import_batch', 'import_row');
    const orgIds = lines.filter((line) => line.includes('"kind": "')).map((line) => (JSON.parse(line) as { id?: number }).id);
    expect(orgIds.filter((id) => id !== undefined).slice(0, 3)).toEqual([3, 7, 9]);
    expect(summary.rows).toBe((await rowCount(source)) + (await seededRowCount(source)));
    expect(JSON.parse(lines.at(-1) ?? '{}')).toEqual({ end: true, tables: summary.tables, rows: summary.rows });
  });

  it('restores into a fresh database with identical rows, and sequences continue after the highest id', async () => {
    await backupDatabase(source, file);
    const target = await freshDatabase();
    try {
      const summary = await restoreDatabase(target, file);
      expect(summary.rows).toBe((await rowCount(source)) + (await seededRowCount(source)));
      expect(await snapshot(target)).toEqual(expected);
      const [unit] = await target.rawTransaction((run) =>
        run(`INSERT INTO org_unit (district_code, kind, name, name_en) VALUES ('330212', 'section', 's', 's') RETURNING id`),
      );
      expect(Number(unit?.id)).toBe(10);
      const [job] = await target.rawTransaction((run) =>
        run(`INSERT INTO job_run (job, started_at, outcome, instance) VALUES ('x', now(), 'failed', 'h') RETURNING id`),
      );
      expect(Number(job?.id)).toBe(2);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that is not empty, naming the table', async () => {
    await backupDatabase(source, file);
    const target = await freshDatabase();
    try {
      await target.rawTransaction((run) =>
        run(`INSERT INTO job_run (job, started_at, outcome, instance) VALUES ('x', now(), 'failed', 'h')`),
      );
      await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty \(table job_run has rows\)/);
      expect(await rowCount(target)).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses a database at other migrations, naming them', async () => {
    await backupDatabase(source, file);
    const target = await freshDatabase();
    try {
      await target.rawTransaction((run) => run(`INSERT INTO schema_migration (version, checksum) VALUES ('0099_future', 'x')`));
      await expect(restoreDatabase(target, file)).rejects.toThrow(/this database has 0099_future which the dump lacks/);
    } finally {
      await target.close();
    }
  });

  it('leaves the target empty when the file is truncated or corrupt', async () => {
    await backupDatabase(source, file);
    const whole = readFileSync(file);
    const text = gunzipSync(whole).toString('utf8');
    const lines = text.trimEnd().split('\n');
    const broken = {
      'cut-bytes': whole.subarray(0, Math.floor(whole.length * 0.7)),
      'cut-lines': gzipSync(`${lines.slice(0, -4).join('\n')}\n`),
      'no-trailer': gzipSync(`${lines.slice(0, -1).join('\n')}\n`),
      'bad-row': gzipSync(text.replace('"inspector.li"', '"inspector.li')),
      'not-gzip': Buffer.from(text),
    };
    const target = await freshDatabase();
    try {
      for (const [name, bytes] of Object.entries(broken)) {
        const brokenFile = join(folder, `${name}.jsonl.gz`);
        writeFileSync(brokenFile, bytes);
        await expect(restoreDatabase(target, brokenFile), name).rejects.toThrow(/nothing was changed/);
        expect(await rowCount(target), name).toBe(0);
      }
      await expect(restoreDatabase(target, join(folder, 'missing.gz'))).rejects.toThrow(/ENOENT/);
    } finally {
      await target.close();
    }
  });
});

const serverUrl = await testPostgresUrl();
describe.runIf(serverUrl)('across engines (PostgreSQL)', () => {
  const name = `zj_backup_${randomBytes(6).toString('hex')}`;
  const plainRole = `${name}_owner`;
  let folder = '';
  let file = '';
  let admin: pg.Client;
  let postgres: Database;
  let source: Database;
  let expected: Record<string, string>;

  const urlOf = (database: string, role?: string) => {
    const url = new URL(serverUrl ?? '');
    url.pathname = `/${database}`;
    if (role) url.username = role;
    return url.toString();
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'zj-backup-pg-'));
    file = join(folder, 'dump.jsonl.gz');
    source = await freshDatabase();
    await source.rawTransaction((run) => run(seedSql));
    expected = await snapshot(source);
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    postgres = await openPostgres(urlOf(name), 2);
    await migrate(postgres);
  });

  afterAll(async () => {
    await postgres?.close();
    await source.close();
    rmSync(folder, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`DROP DATABASE IF EXISTS ${plainRole}`);
    await admin.query(`DROP ROLE IF EXISTS ${plainRole}`);
    await admin.end();
  });

  it('restores a PGlite dump into PostgreSQL, and a PostgreSQL dump into PGlite', async () => {
    await backupDatabase(source, file);
    await restoreDatabase(postgres, file);
    expect(await snapshot(postgres)).toEqual(expected);
    const [unit] = await postgres.rawTransaction((run) =>
      run(`INSERT INTO org_unit (district_code, kind, name, name_en) VALUES ('330212', 'section', 's', 's') RETURNING id`),
    );
    expect(Number(unit?.id)).toBe(10);

    const back = join(folder, 'from-postgres.jsonl.gz');
    await backupDatabase(postgres, back);
    const header = JSON.parse(gunzipSync(readFileSync(back)).toString('utf8').split('\n')[0] ?? '{}') as { engine: string };
    expect(header.engine).toBe('postgres');
    const target = await freshDatabase();
    try {
      await restoreDatabase(target, back);
      expect(await snapshot(target)).toEqual(await snapshot(postgres));
    } finally {
      await target.close();
    }
  });

  it('restores as a role that may not skip foreign-key checks, relying on the table order', async () => {
    await admin.query(`CREATE ROLE ${plainRole} LOGIN`);
    await admin.query(`CREATE DATABASE ${plainRole} OWNER ${plainRole}`);
    const plain = await openPostgres(urlOf(plainRole, plainRole), 2);
    try {
      await migrate(plain);
      await backupDatabase(source, file);
      await restoreDatabase(plain, file);
      expect(await snapshot(plain)).toEqual(expected);
    } finally {
      await plain.close();
    }
  });
});
