import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { type Database, openInMemory, openPostgres } from '../db/client.ts';
import { createDatabase, dropDatabase } from '../db/database-server.ts';
import { migrate } from '../db/migrate.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Clock, Platform } from '../platform/http/context.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T01:00:00Z')) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

/**
 * The test database: PostgreSQL when TEST_DATABASE_URL is set (shared by all files; each test makes
 * its own district), else a fresh in-memory PGlite for this file. Migrated either way.
 */
export async function testDatabase(options: { isOwnDatabase?: boolean } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && options.isOwnDatabase) return ownPostgresDatabase(url);
  const database = url ? await openPostgres(url, 4) : await openInMemory();
  await migrate(database);
  return database;
}

/**
 * A fresh database on that server (on every node of a Citus cluster), not migrated, and the function that drops it.
 */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zhijian_test_own_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  return { url: await createDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/**
 * A PostgreSQL database for one test file, dropped when it closes: for fixtures that are not made per test
 * district (the demo district has one fixed code, so two files generating it would collide).
 */
async function ownPostgresDatabase(url: string): Promise<Database> {
  const scratch = await scratchDatabase(url);
  const database = await openPostgres(scratch.url, 4);
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * The PostgreSQL server for tests that need one in every suite (several connections, blocking locks, several
 * processes): TEST_DATABASE_URL (`npm run test:pg`, `npm run test:citus`), else the local server if it answers —
 * so the embedded run covers them too wherever PostgreSQL runs, as in CI; only a machine without one skips them.
 */
export async function testPostgresUrl(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const url = 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPlatform extends Platform {
  clock: TestClock;
  /** The data key behind `crypto`, for tests of a key rotation. */
  dataKey: Buffer;
}

export async function testPlatform(env: Record<string, string> = {}, options: { isOwnDatabase?: boolean } = {}): Promise<TestPlatform> {
  const config = parseConfig({ NODE_ENV: 'test', ZHIJIAN_LOGIN_RATE_PER_MINUTE: '100000', ZHIJIAN_JOBS: 'false', ...env });
  const dataKey = randomBytes(32);
  return {
    config,
    database: await testDatabase(options),
    crypto: createFieldCrypto(dataKey),
    dataKey,
    clock: new TestClock(),
    log: pino({ level: 'silent' }),
  };
}

export async function testApp(platform: Platform) {
  const app = await buildApp(platform);
  await app.ready();
  return app;
}
