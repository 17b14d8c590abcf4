// The real server (bin/zhijian.js start) as a child process on a free port of 127.0.0.1: the crash-loop and soak
// scripts start, sign in to and kill it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const cli = new URL('../bin/zhijian.js', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  base: string;
  log: string[];
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(process.execPath, [cli, 'start'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return { child, base, log };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready in 180 s:\n${log.join('')}`);
}

export async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  process.kill(-(server.child.pid as number), 'SIGKILL');
  await exited;
}

export async function signIn(base: string, adminPassword: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  if (!response.ok) throw new Error(`admin sign-in: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/**
 * What a server under test runs on: a temporary data folder and, with `postgres`, a fresh database on the local
 * PostgreSQL server (TEST_PG_ADMIN_URL may name another); `dispose` removes both.
 */
export async function scratchEnvironment(
  name: string,
  options: { postgres: boolean; adminPassword: string; jobs: boolean },
): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), `zhijian-${name}-`));
  const env: Record<string, string> = {
    DATA_DIR: folder,
    ZHIJIAN_DEMO: 'off',
    ZHIJIAN_JOBS: String(options.jobs),
    ZHIJIAN_ADMIN_PASSWORD: options.adminPassword,
    ZHIJIAN_DATA_KEY: randomBytes(32).toString('base64'),
    ZHIJIAN_LOGIN_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
  const adminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `zhijian_${name}_${process.pid}`;
  const administer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(statement);
    await admin.end();
  };
  if (options.postgres) {
    await administer(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    async dispose() {
      rmSync(folder, { recursive: true, force: true });
      if (options.postgres) await administer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
