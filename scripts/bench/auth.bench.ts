import { randomBytes } from 'node:crypto';
import { benchAdminPassword, dropBenchDatabase, reachablePostgres, signInAsAdmin } from './bench-server.ts';
import type { BenchContext, Benchmark, BenchServer } from './types.ts';

const credentials = { username: 'admin', password: benchAdminPassword };
const pairConcurrency = 4;
const checkConcurrency = 16;
const pairOperations = 80;
const checkOperations = 2000;

export const loginAndMe: Benchmark = {
  name: 'auth.login-and-me',
  description:
    `POST /api/v1/auth/login, then GET /api/v1/auth/me with the new session cookie; ${pairConcurrency} pairs in flight, ${pairOperations} pairs a round. ` +
    'Baseline: POST then GET of the bare route. Sign-in verifies an argon2id hash (memory-hard on purpose), ' +
    'so this is expected to be far slower than the baseline: the number to watch is its absolute latency.',
  async run(ctx) {
    const server = await ctx.startServer();
    try {
      return await ctx.compareHttp({
        subject: {
          origin: server.origin,
          steps: [
            { method: 'POST', path: '/api/v1/auth/login', body: credentials },
            { method: 'GET', path: '/api/v1/auth/me' },
          ],
        },
        baselineSteps: [
          { method: 'POST', path: '/bare', body: credentials },
          { method: 'GET', path: '/bare' },
        ],
        concurrency: pairConcurrency,
        operations: pairOperations,
      });
    } finally {
      await server.close();
    }
  },
};

const sessionCheckDescription =
  `GET /api/v1/auth/me with an existing session, ${checkConcurrency} requests in flight, ${checkOperations} a round: ` +
  'the cost every signed-in request pays (session lookup, actor and scope), plus describing the user. ' +
  'Sessions, actors and the answer of /auth/me are cached in the process and emptied by every change that concerns them ' +
  '(docs/decisions/0031). Baseline: GET of the bare route. Target (issue 23): ≥ 0.15× the bare route on the embedded ' +
  'database, ≥ 0.3× on PostgreSQL.';

async function measureSessionCheck(ctx: BenchContext, server: BenchServer) {
  const cookie = await signInAsAdmin(server.origin);
  return ctx.compareHttp({
    subject: { origin: server.origin, steps: [{ method: 'GET', path: '/api/v1/auth/me', headers: { cookie } }] },
    baselineSteps: [{ method: 'GET', path: '/bare', headers: { cookie } }],
    concurrency: checkConcurrency,
    operations: checkOperations,
  });
}

export const sessionCheck: Benchmark = {
  name: 'auth.session-check',
  description: `${sessionCheckDescription} On the default database.`,
  async run(ctx) {
    const server = await ctx.startServer();
    try {
      return await measureSessionCheck(ctx, server);
    } finally {
      await server.close();
    }
  },
};

export const sessionCheckPostgres: Benchmark = {
  name: 'auth.session-check-postgres',
  isLarge: true,
  description: `${sessionCheckDescription} On PostgreSQL (BENCH_DATABASE_URL or the local server; a fresh database, dropped at the end).`,
  async run(ctx) {
    const serverUrl = await reachablePostgres();
    if (!serverUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
    const database = `zj_bench_session_${randomBytes(4).toString('hex')}`;
    const server = await ctx.startServer({ postgres: { serverUrl, database } });
    try {
      return await measureSessionCheck(ctx, server);
    } finally {
      await server.close();
      await dropBenchDatabase(serverUrl, database);
    }
  },
};
