import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../shared/credit-code.ts';
import { parseConfig } from './config.ts';
import { type Database, openPostgres, queryRows } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { createFieldCrypto } from './platform/crypto/field-crypto.ts';
import { type Platform, systemClock } from './platform/http/context.ts';
import { createTestDistrict, type TestDistrict, testPassword } from './test/factories.ts';
import { scratchDatabase, testPostgresUrl } from './test/test-platform.ts';

// Several application processes behind one database (PostgreSQL, or the Citus coordinator in `npm run test:citus`):
// real child processes, real timers, real LISTEN/NOTIFY.

const root = new URL('..', import.meta.url).pathname;
const serverUrl = await testPostgresUrl();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function outputOf(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

describe.runIf(serverUrl)('several application processes on one database', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  const dataKey = randomBytes(32);
  beforeAll(async () => {
    scratch = await scratchDatabase(serverUrl ?? '');
    database = await openPostgres(scratch.url, 2);
    await migrate(database);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('runs each scheduled run of a job once, whichever process’s timer fires first', async () => {
    const job = `test.every-second.${process.pid}`;
    const instances = [0, 1].map(() =>
      spawn(process.execPath, ['--import', 'tsx', 'server/test/scheduler-instance.ts'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: scratch.url, JOB_NAME: job, RUN_SECONDS: '4' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const outputs = instances.map(outputOf);
    const codes = await Promise.all(instances.map(exited));
    expect(codes, outputs.map((output) => output()).join('\n')).toEqual([0, 0]);
    const ran = outputs.map((output) => (JSON.parse(output().trim().split('\n').at(-1) ?? '{}') as { ran: number }).ran);
    const slots = await queryRows<{ slot: string; runs: number }>(
      database.db,
      sql`select scheduled_for::text as slot, count(*)::int as runs from job_run where job = ${job} and outcome = 'succeeded' group by 1`,
    );
    // Both processes' timers fired every second; each second's run happened once, in one of them.
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(slots.every((slot) => slot.runs === 1)).toBe(true);
    expect((ran[0] ?? 0) + (ran[1] ?? 0)).toBe(slots.length);
  }, 60_000);

  describe('two `zhijian start` processes', () => {
    const processes: { child: ChildProcess; origin: string; output: () => string }[] = [];
    let home: TestDistrict;
    let platform: Platform;

    beforeAll(async () => {
      platform = {
        config: parseConfig({ NODE_ENV: 'test', DATABASE_URL: scratch.url }),
        database,
        crypto: createFieldCrypto(dataKey),
        clock: systemClock,
        log: pino({ level: 'silent' }),
      };
      home = await createTestDistrict(platform);
      for (let index = 0; index < 2; index += 1) {
        const port = await freePort();
        const child = spawn(process.execPath, ['bin/zhijian.js', 'start'], {
          cwd: root,
          env: {
            ...process.env,
            NODE_ENV: 'test',
            PORT: String(port),
            HOST: '127.0.0.1',
            DATABASE_URL: scratch.url,
            ZHIJIAN_DATA_KEY: dataKey.toString('base64'),
            ZHIJIAN_DEMO: 'off',
            ZHIJIAN_JOBS: 'false',
            ZHIJIAN_ADMIN_PASSWORD: 'Multi-Process-2026!',
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        processes.push({ child, origin: `http://127.0.0.1:${port}`, output: outputOf(child) });
      }
      for (const server of processes) {
        const deadline = Date.now() + 90_000;
        for (;;) {
          const healthy = await fetch(`${server.origin}/api/health`).then(
            (response) => response.ok,
            () => false,
          );
          if (healthy) break;
          if (server.child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${server.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    }, 120_000);
    afterAll(async () => {
      for (const server of processes) server.child.kill('SIGTERM');
      await Promise.all(processes.map((server) => exited(server.child)));
    });

    const first = () => processes[0] as (typeof processes)[number];
    const second = () => processes[1] as (typeof processes)[number];
    const request = async (origin: string, method: string, path: string, cookie: string, body?: unknown) => {
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
    };

    it('serves a session opened on one process on the other, and ends it on both', async () => {
      const login = await fetch(`${first().origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: home.users.section.username, password: testPassword }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.getSetCookie().find((header) => header.startsWith('zj_sid=')) ?? '').split(';')[0] ?? '';
      const me = await request(second().origin, 'GET', '/api/v1/auth/me', cookie);
      expect(me.status).toBe(200);
      expect(me.json().username).toBe(home.users.section.username);
      expect((await request(second().origin, 'POST', '/api/v1/auth/logout', cookie, {})).status).toBe(204);
      expect((await request(first().origin, 'GET', '/api/v1/auth/me', cookie)).status).toBe(401);
    });

    it('empties the other process’s cached session when a user changes or is disabled through one (decision 0031)', async () => {
      const signInOn = async (origin: string, username: string) => {
        const login = await fetch(`${origin}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: testPassword }),
        });
        expect(login.status).toBe(200);
        return (login.headers.getSetCookie().find((header) => header.startsWith('zj_sid=')) ?? '').split(';')[0] ?? '';
      };
      const admin = await signInOn(first().origin, home.users.admin.username);
      const inspector = await signInOn(second().origin, home.users.inspector2.username);
      const seenOnSecond = async () => request(second().origin, 'GET', '/api/v1/auth/me', inspector);
      expect((await seenOnSecond()).json().orgUnitId).toBe(home.stations[1].id); // now in the second process's cache
      // The notification travels through the database: give it the time of one round trip, not the cache's half minute.
      const eventually = async (isDone: () => Promise<boolean>) => {
        const deadline = Date.now() + 2_000;
        while (!(await isDone()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await isDone()).toBe(true);
      };
      const moved = await request(first().origin, 'PATCH', `/api/v1/users/${home.users.inspector2.id}`, admin, {
        orgUnitId: home.stations[0].id,
      });
      expect(moved.status, moved.text).toBe(200);
      await eventually(async () => (await seenOnSecond()).json().orgUnitId === home.stations[0].id);
      const disabled = await request(first().origin, 'POST', `/api/v1/users/${home.users.inspector2.id}/disable`, admin, {});
      expect(disabled.status, disabled.text).toBe(200);
      await eventually(async () => (await seenOnSecond()).status === 401);
    });

    it('shows a colour changed through one process on the other process’s cached public page at once', async () => {
      const login = await fetch(`${first().origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: home.users.section.username, password: testPassword }),
      });
      const cookie = (login.headers.getSetCookie().find((header) => header.startsWith('zj_sid=')) ?? '').split(';')[0] ?? '';
      const body = `92${home.code}MA2AAAAA1`;
      const created = await request(first().origin, 'POST', '/api/v1/entities', cookie, {
        creditCode: body + creditCodeCheckCharacter(body),
        name: '两进程饭店',
        kind: 'individual',
        legalRepName: '王五',
        industryCode: 'H62',
        foundedOn: '2019-05-01',
        address: '两进程路1号',
        streetCode: home.stations[0].streetCode,
        businessCategory: 'catering',
      });
      expect(created.status, created.text).toBe(201);
      const id = created.json().id as number;
      const colour = await request(first().origin, 'GET', `/api/v1/risk-code/entities/${id}`, cookie);
      const { token, colour: before } = colour.json() as { token: string; colour: string };
      const page = async () => (await fetch(`${second().origin}/p/${token}`)).text();
      const shown = await page();
      expect(await page()).toBe(shown); // now in the second process's cache
      const changed = await request(first().origin, 'PUT', `/api/v1/risk-code/entities/${id}/category`, cookie, {
        managementCategory: 'canteen',
      });
      expect(changed.status, changed.text).toBe(200);
      const after = (changed.json() as { colour: string }).colour;
      expect([before, after]).toEqual(['blue', 'yellow']); // 大中型餐馆 → 食堂, no risk grade yet (docs/decisions/0008)
      // The notification travels through the database: give it the time of one round trip, not the cache's minute.
      const deadline = Date.now() + 2_000;
      let fresh = await page();
      while (fresh === shown && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        fresh = await page();
      }
      expect(fresh).not.toBe(shown);
    });
  });
});
