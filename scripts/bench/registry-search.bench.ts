import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { demoAccounts, seedDemoDistrict } from '../../server/demo/index.ts';
import type { Platform } from '../../server/platform/http/context.ts';
import { dropBenchDatabase, reachablePostgres, signIn } from './bench-server.ts';
import type { RequestStep } from './http-load.ts';
import { percentile } from './stats.ts';
import type { BenchContext, Benchmark, BenchServer, Measurement } from './types.ts';

/**
 * `registry.search`: GET /api/v1/entities through the real server, signed in as the section staff of
 * the demo district, a fixed mixed set of queries by class; the baseline is GET /api/v1/entities/:id
 * (the entity page: a primary-key lookup and its licences, premises and history) in the same run.
 */

interface QueryClass {
  label: string;
  /** Query strings after `?`, each measured on its own. */
  queries: string[];
  /** Signed in as this demo account instead of the section staff. */
  as?: string;
}

const street = '330212004'; // 潘火街道
const q = (text: string) => `q=${encodeURIComponent(text)}`;

/** Picked from the demo vocabulary: shares at district scale are in the comments (of 70,732 rows). */
export const searchClasses: QueryClass[] = [
  { label: '1 character, common', queries: [q('店'), q('路'), q('餐')] }, // 34%, 94%, 2%
  { label: '1 character, rare', queries: [q('腌'), q('鸭'), q('药'), q('罕')] }, // 0.01%, 0.03%, 0.25%, none
  { label: '2 characters, common', queries: [q('餐饮'), q('有限'), q('宁波'), q('潘火')] }, // 1.4%, 41%, 100%, 9.5%
  { label: '2 characters, rare', queries: [q('丰汤'), q('鑫大'), q('酱鸭'), q('麻辣'), q('罕见')] }, // 1 row … 0.26%, none
  {
    label: '3–6 characters (names)',
    queries: [q('顺发火锅店'), q('金港国际贸易'), q('众鑫实业餐饮'), q('康泰商行'), q('博雅会展'), q('中河金港兴业')],
  },
  { label: 'address fragments', queries: [q('嵩江中路'), q('宁横路291号'), q('天童北路921号'), q('钟公庙路')] },
  { label: 'credit-code prefix', queries: [q('91330212'), q('923302120000'), q('9133021200005B')] },
  { label: 'licence-number prefix', queries: [q('JY2330212'), q('JY233021200000'), q('JY23302120000010')] },
  {
    label: 'filters only (street, status, kind, category)',
    queries: [`street=${street}&status=active`, 'kind=individual&status=cancelled', `category=catering&street=${street}`],
  },
  {
    label: 'licences expiring within 30 days',
    queries: ['expiringWithinDays=30', 'expiringWithinDays=30&licenceKind=food_business', `expiringWithinDays=30&street=${street}`],
  },
  { label: 'station inspector (scope: 2 streets)', queries: [q('店'), q('餐饮'), q('顺发'), 'status=active'], as: 'inspector1' },
];

const requestsPerQuery = 4;
const primaryKeys = 12;

function passwordOf(username: string): string {
  const account = demoAccounts.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account.password;
}

async function entityIds(platform: Platform, count: number): Promise<number[]> {
  const [range] = await queryRows<{ low: number; high: number }>(
    platform.database.db,
    sql`select min(id)::int as low, max(id)::int as high from entity`,
  );
  if (!range) throw new Error('the registry is empty');
  return Array.from({ length: count }, (_, index) => Math.round(range.low + ((range.high - range.low) * (index + 0.5)) / count));
}

/** Latencies of `requestsPerQuery` requests of each query, one in flight; every round alternates with the baseline. */
async function measureSearch(ctx: BenchContext, server: BenchServer, title: string): Promise<Measurement[]> {
  const cookies = new Map<string, string>();
  for (const username of ['food.section', ...new Set(searchClasses.flatMap((item) => (item.as ? [item.as] : [])))]) {
    cookies.set(username, await signIn(server.origin, username, passwordOf(username)));
  }
  const section = cookies.get('food.section') as string;
  const stepOf = (path: string, cookie: string): RequestStep => ({ method: 'GET', path, headers: { cookie } });
  const searchPath = (query: string) => `/api/v1/entities?${query}&pageSize=20`;
  const ids = await entityIds(server.platform, primaryKeys);

  // Matches of each query, for the notes.
  const matches: string[] = [];
  for (const item of searchClasses) {
    const found: string[] = [];
    for (const query of item.queries) {
      const response = await fetch(`${server.origin}${searchPath(query)}`, {
        headers: { cookie: cookies.get(item.as ?? 'food.section') ?? '' },
      });
      if (response.status !== 200) throw new Error(`GET ${searchPath(query)} → ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { total: number; totalIsCapped: boolean };
      found.push(
        `\`${decodeURIComponent(query)}\` ${body.totalIsCapped ? `${body.total.toLocaleString('en-US')}+` : body.total.toLocaleString('en-US')}`,
      );
    }
    matches.push(`- ${item.label}${item.as ? ` (as ${item.as})` : ''}: ${found.join(', ')}`);
  }
  ctx.note(`${title} — queries and their matches (\`total\`; "10,000+" is the capped count):\n\n${matches.join('\n')}`);

  const run = async (steps: RequestStep[], operations: number) => {
    const result = await ctx.load({ origin: server.origin, steps, concurrency: 1, operations });
    if (result.failures) throw new Error(`${result.failures} requests failed: ${result.firstFailure}`);
    return result.latenciesMs;
  };
  const lookups = () => ids.map((id) => [stepOf(`/api/v1/entities/${id}`, section)]);
  // Warm-up: every query and lookup once, not counted.
  for (const item of searchClasses)
    for (const query of item.queries) await run([stepOf(searchPath(query), cookies.get(item.as ?? 'food.section') ?? '')], 1);
  for (const steps of lookups()) await run(steps, 1);

  const byClass = new Map<string, number[]>(searchClasses.map((item) => [item.label, []]));
  const baseline: number[] = [];
  for (let round = 0; round < ctx.rounds; round += 1) {
    for (const item of searchClasses) {
      const latencies = byClass.get(item.label) as number[];
      for (const query of item.queries) {
        latencies.push(...(await run([stepOf(searchPath(query), cookies.get(item.as ?? 'food.section') ?? '')], requestsPerQuery)));
      }
      // A few primary-key lookups after every class, so that the baseline sees the same moments of the machine.
      for (const steps of lookups().slice(0, 3)) baseline.push(...(await run(steps, 1)));
    }
    for (const steps of lookups()) baseline.push(...(await run(steps, 1)));
  }

  const rows: Measurement[] = [];
  const add = (label: string, latencies: number[]) => {
    for (const [name, fraction] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      rows.push({
        metric: `${label} ${name}`,
        unit: 'ms',
        better: 'lower',
        subject: percentile(latencies, fraction),
        baseline: percentile(baseline, fraction),
      });
    }
  };
  for (const [label, latencies] of byClass) add(label, latencies);
  add('all queries', [...byClass.values()].flat());
  return rows;
}

const description = (scale: string) =>
  `GET /api/v1/entities?q=…&pageSize=20 (and filter-only searches) through the real server, one request in flight, ${scale}, ` +
  'signed in as the food-safety section (whole district) unless the class says otherwise. Each query is requested ' +
  `${requestsPerQuery} times a round; p50 and p95 pool the rounds per class. Baseline: GET /api/v1/entities/:id of ` +
  `${primaryKeys} entities spread over the table (the entity page: a primary-key lookup plus its licences, premises and ` +
  'history), interleaved with the searches. Target (issue 8): p95 ≤ 50 ms at 1,000,000 entities for every class.';

async function seedTimed(ctx: BenchContext, platform: Platform, scale: number): Promise<number> {
  const begin = performance.now();
  let shown = -1;
  const result = await seedDemoDistrict(platform, {
    seed: 'zhijian-bench',
    scale,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== shown) {
        shown = tenth;
        ctx.log(`demo district: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} entities`);
      }
    },
  });
  // As a registry that is mostly read would be: vacuumed (visibility map set) and analysed.
  await platform.database.db.execute(sql`vacuum analyze`);
  const seconds = (performance.now() - begin) / 1000;
  ctx.log(`generated ${result.entities.toLocaleString('en-US')} entities in ${seconds.toFixed(1)} s`);
  return seconds;
}

export const registrySearch: Benchmark = {
  name: 'registry.search',
  description: description('the demo district at scale 1 (70,732 entities, 51,632 on the register) on the default database'),
  async run(ctx) {
    let seconds = 0;
    const server = await ctx.startServer({
      prepare: async (platform) => {
        seconds = await seedTimed(ctx, platform, 1);
      },
    });
    try {
      const rows = await measureSearch(ctx, server, 'District scale');
      return [
        { metric: 'generating the demo district (scale 1)', unit: 's', better: 'lower', subject: seconds, baseline: Number.NaN },
        ...rows,
      ];
    } finally {
      await server.close();
    }
  },
};

/** Scale 14.14 of the demo district: 70,732 × 14.14 ≈ 1,000,000 entity rows. */
const largeScale = 14.14;
export const largeSearchDatabase = 'zj_bench_search';

export const registrySearchLarge: Benchmark = {
  name: 'registry.search-1m',
  isLarge: true,
  description: `${description('1,000,000 entities (the demo district at scale 14.14) on PostgreSQL')} The database \`${largeSearchDatabase}\` is generated once by the demo generator (its time is reported), reused while it exists, and dropped at the end unless \`--keep\`.`,
  async run(ctx) {
    const serverUrl = await reachablePostgres();
    if (!serverUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
    let seconds = Number.NaN;
    const server = await ctx.startServer({
      postgres: { serverUrl, database: largeSearchDatabase },
      prepare: async (platform) => {
        const [existing] = await queryRows<{ entities: number; seconds: number | null }>(
          platform.database.db,
          sql`select (select count(*)::int from entity) as entities,
                (select (obj_description('entity'::regclass, 'pg_class'))::float8) as seconds`,
        );
        if (existing && existing.entities >= 990_000) {
          seconds = existing.seconds ?? Number.NaN;
          ctx.log(`reusing ${largeSearchDatabase} (${existing.entities.toLocaleString('en-US')} entities)`);
          return;
        }
        if (existing?.entities) throw new Error(`${largeSearchDatabase} holds ${existing.entities} entities: drop it and run again`);
        seconds = await seedTimed(ctx, platform, largeScale);
        // Remembered in the database, so that a reused database still reports how long it took.
        await platform.database.rawTransaction((run) => run(`COMMENT ON TABLE entity IS '${seconds.toFixed(1)}'`));
      },
    });
    try {
      const rows = await measureSearch(ctx, server, '1,000,000 entities on PostgreSQL');
      return [
        { metric: 'generating 1,000,000 entities (scale 14.14)', unit: 's', better: 'lower', subject: seconds, baseline: Number.NaN },
        ...rows,
      ];
    } finally {
      await server.close();
      if (!ctx.flags.keep) await dropBenchDatabase(serverUrl, largeSearchDatabase);
    }
  },
};
