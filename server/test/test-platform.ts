import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { type Database, openInMemory, openPostgres } from '../db/client.ts';
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
 * A PostgreSQL database for one test file, dropped when it closes: for fixtures that are not made per
 * test district (the demo district has one fixed code, so two files generating it would collide).
 */
async function ownPostgresDatabase(url: string): Promise<Database> {
  const name = `zhijian_test_own_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openPostgres(own.toString(), 4);
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestPlatform extends Platform {
  clock: TestClock;
}

export async function testPlatform(env: Record<string, string> = {}, options: { isOwnDatabase?: boolean } = {}): Promise<TestPlatform> {
  const config = parseConfig({ NODE_ENV: 'test', ZHIJIAN_LOGIN_RATE_PER_MINUTE: '100000', ZHIJIAN_JOBS: 'false', ...env });
  return {
    config,
    database: await testDatabase(options),
    crypto: createFieldCrypto(randomBytes(32)),
    clock: new TestClock(),
    log: pino({ level: 'silent' }),
  };
}

export async function testApp(platform: Platform) {
  const app = await buildApp(platform);
  await app.ready();
  return app;
}
