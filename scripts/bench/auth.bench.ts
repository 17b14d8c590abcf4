import { benchAdminPassword, signInAsAdmin } from './bench-server.ts';
import type { Benchmark } from './types.ts';

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

export const sessionCheck: Benchmark = {
  name: 'auth.session-check',
  description:
    `GET /api/v1/auth/me with an existing session, ${checkConcurrency} requests in flight, ${checkOperations} a round: ` +
    'the cost every signed-in request pays (session lookup, actor and scope), plus describing the user. ' +
    'Baseline: GET of the bare route.',
  async run(ctx) {
    const server = await ctx.startServer();
    try {
      const cookie = await signInAsAdmin(server.origin);
      return await ctx.compareHttp({
        subject: { origin: server.origin, steps: [{ method: 'GET', path: '/api/v1/auth/me', headers: { cookie } }] },
        baselineSteps: [{ method: 'GET', path: '/bare', headers: { cookie } }],
        concurrency: checkConcurrency,
        operations: checkOperations,
      });
    } finally {
      await server.close();
    }
  },
};
