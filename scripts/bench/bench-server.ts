import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { parseConfig } from '../../server/config.ts';
import { createDatabase, dropDatabase } from '../../server/db/database-server.ts';
import { openPlatform } from '../../server/main.ts';
import { bootstrapDeployment } from '../../server/platform/accounts/bootstrap.ts';
import { systemContext } from '../../server/platform/http/context.ts';
import type { BenchServer, BenchServerOptions } from './types.ts';

export const benchAdminPassword = 'Bench-Admin-2026!';

function originOf(address: string | AddressInfo | null): string {
  if (!address || typeof address === 'string') throw new Error('the server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** The baseline: a bare Fastify with one route, `GET|POST /bare` → {ok:true}. */
export async function startBaselineServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const app = Fastify();
  app.route({ method: ['GET', 'POST'], url: '/bare', handler: async () => ({ ok: true }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin: originOf(app.server.address()), close: () => app.close() };
}

/** A new empty database on the BENCH_DATABASE_URL server (every node of a Citus cluster), dropped by the returned function. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zj_bench_${randomBytes(6).toString('hex')}`;
  return { url: await createDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

export interface StartedServer extends BenchServer {
  /** `PGlite 17.x` or `PostgreSQL 15.x`, for the report. */
  databaseVersion: string;
}

/** The local PostgreSQL server the large benchmarks use when BENCH_DATABASE_URL is not set. */
export const localPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** BENCH_DATABASE_URL, else the local PostgreSQL server if it answers within two seconds; undefined when neither. */
export async function reachablePostgres(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? localPostgresUrl;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the named database on that server (every node of a Citus cluster) unless it exists; true when it was created. */
async function ensureDatabase(serverUrl: string, name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
  } finally {
    await admin.end();
  }
  await createDatabase(serverUrl, name);
  return true;
}

/** Drops a named benchmark database (see BenchServerOptions.postgres). */
export function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  return dropDatabase(serverUrl, name);
}

/**
 * The real application on a throwaway database (embedded in a temporary DATA_DIR, or a fresh database
 * on BENCH_DATABASE_URL), bootstrapped with the admin account, listening on 127.0.0.1. With
 * `postgres`, a named database on that server instead, created if missing and kept on close (its data
 * key is derived from the name, so that a kept database stays readable by the next run).
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zj-bench-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const named = options.postgres;
  const scratch = !named && serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const isNewDatabase = named ? await ensureDatabase(named.serverUrl, named.database) : true;
  const dataKey = named
    ? createHash('sha256').update(`zhijian-bench:${named.database}`).digest().toString('base64')
    : randomBytes(32).toString('base64');
  const url = named ? databaseUrl(named.serverUrl, named.database) : scratch?.url;
  const config = parseConfig({
    DATA_DIR: dataDir,
    ZHIJIAN_DATA_KEY: dataKey,
    ZHIJIAN_DEMO: 'off',
    ZHIJIAN_JOBS: 'false',
    ZHIJIAN_ADMIN_PASSWORD: benchAdminPassword,
    ZHIJIAN_LOGIN_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    ...(url ? { DATABASE_URL: url } : {}),
    ...options.env,
  });
  const platform = await openPlatform(config, pino({ level: config.LOG_LEVEL }));
  try {
    // Before the bootstrap, as at `npm start`: the demo district goes in first.
    await options.prepare?.(platform, { isNewDatabase });
    await bootstrapDeployment(systemContext(platform, 'bench'), config);
  } catch (error) {
    await platform.database.close();
    await scratch?.drop();
    throw error;
  }
  const app = await buildApp(platform);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const [version] = await platform.database.rawTransaction((run) => run('SHOW server_version'));
  const [citus] = await platform.database.rawTransaction((run) => run(`SELECT extversion FROM pg_extension WHERE extname = 'citus'`));
  const engine =
    platform.database.engine === 'pglite' ? 'PGlite (embedded)' : citus ? `Citus ${String(citus.extversion)} on PostgreSQL` : 'PostgreSQL';
  return {
    platform,
    origin: originOf(app.server.address()),
    databaseVersion: `${engine} ${String(version?.server_version ?? '?')}`,
    async close() {
      await app.close();
      await platform.database.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real route; returns the Cookie header value. */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('zj_sid='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** Signs in as admin through the real route; returns the Cookie header value. */
export function signInAsAdmin(origin: string): Promise<string> {
  return signIn(origin, 'admin', benchAdminPassword);
}

/** One connection to `url` for the work, closed after it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The baseline of an ingest bench: the rows the ingest stored (`where` on `table`, trusted bench SQL) copied out as
 * stored, then a raw COPY of exactly those rows into a same-shaped table (its defaults and indexes) in one
 * transaction, timed. Seconds.
 */
export async function rawCopySeconds(url: string, table: string, where: string): Promise<number> {
  return withClient(url, async (client) => {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(`COPY (SELECT * FROM ${table} WHERE ${where}) TO STDOUT`))) chunks.push(chunk as Buffer);
    const copyTable = `bench_copy_${table}`;
    await client.query(`DROP TABLE IF EXISTS ${copyTable}`);
    await client.query(`CREATE TABLE ${copyTable} (LIKE ${table} INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const begin = performance.now();
    await client.query('BEGIN');
    await pipeline(
      (async function* () {
        yield* chunks;
      })(),
      client.query(copyFrom(`COPY ${copyTable} FROM STDIN`)),
    );
    await client.query('COMMIT');
    const seconds = (performance.now() - begin) / 1000;
    await client.query(`DROP TABLE ${copyTable}`);
    return seconds;
  });
}
