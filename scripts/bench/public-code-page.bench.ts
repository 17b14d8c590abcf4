import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { seedDemoDistrict } from '../../server/demo/index.ts';
import type { Benchmark } from './types.ts';

const concurrency = 64;
const operations = 20_000;

export const publicCodePage: Benchmark = {
  name: 'risk-code.public-code-page',
  description:
    `GET /p/<token> (the public code page 一码全知道 of a demo catering unit), ${concurrency} connections, ${operations} a round, ` +
    'on the demo district. Served from the in-memory page cache (60 s TTL, dropped on a colour change). ' +
    'Baseline: GET of the bare route. Target: ≥ 80% of the baseline throughput, p99 < 10 ms.',
  async run(ctx) {
    const server = await ctx.startServer({ prepare: async (platform) => void (await seedDemoDistrict(platform, { seed: 'zhijian' })) });
    try {
      const [row] = await queryRows<{ token: string }>(
        server.platform.database.db,
        sql`select token from rc_subject where business_category = 'catering' and revoked_at is null order by entity_id limit 1`,
      );
      if (!row) throw new Error('no public code in the demo district');
      return await ctx.compareHttp({
        subject: { origin: server.origin, steps: [{ method: 'GET', path: `/p/${row.token}` }] },
        baselineSteps: [{ method: 'GET', path: '/bare' }],
        concurrency,
        operations,
      });
    } finally {
      await server.close();
    }
  },
};
