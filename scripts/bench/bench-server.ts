import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { parseConfig } from '../../server/config.ts';
import { openPlatform } from '../../server/main.ts';
import { bootstrapDeployment } from '../../server/platform/accounts/bootstrap.ts';
import { systemContext } from '../../server/platform/http/context.ts';
import type { BenchServer } from './types.ts';

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

/** A new empty database on the BENCH_DATABASE_URL server, dropped by the returned function. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zj_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

export interface StartedServer extends BenchServer {
  /** `PGlite 17.x` or `PostgreSQL 15.x`, for the report. */
  databaseVersion: string;
}

/**
 * The real application on a throwaway database (embedded in a temporary DATA_DIR, or a fresh database
 * on BENCH_DATABASE_URL), bootstrapped with the admin account, listening on 127.0.0.1.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zj-bench-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const config = parseConfig({
    DATA_DIR: dataDir,
    ZHIJIAN_DATA_KEY: randomBytes(32).toString('base64'),
    ZHIJIAN_DEMO: 'off',
    ZHIJIAN_JOBS: 'false',
    ZHIJIAN_ADMIN_PASSWORD: benchAdminPassword,
    ZHIJIAN_LOGIN_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...env,
  });
  const platform = await openPlatform(config, pino({ level: config.LOG_LEVEL }));
  await bootstrapDeployment(systemContext(platform, 'bench'), config);
  const app = await buildApp(platform);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const [version] = await platform.database.rawTransaction((run) => run('SHOW server_version'));
  const engine = platform.database.engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL';
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

/** Signs in as admin through the real route; returns the Cookie header value. */
export async function signInAsAdmin(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: benchAdminPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('zj_sid='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}
