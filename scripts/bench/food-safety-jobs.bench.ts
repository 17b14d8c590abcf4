import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { seedDemoDistrict } from '../../server/demo/index.ts';
import { runExpiryWarnings, runNightlyComparison } from '../../server/modules/food-safety/index.ts';
import { type Platform, systemContext } from '../../server/platform/http/context.ts';
import { todayInChina } from '../../shared/calendar-day.ts';
import { dropBenchDatabase, reachablePostgres } from './bench-server.ts';
import { median } from './stats.ts';
import type { BenchContext, Benchmark, BenchServerOptions, Measurement } from './types.ts';

/**
 * `food-safety.jobs`: the two food-safety jobs as the scheduler runs them (one transaction each), on the demo
 * district's food-safety data: the nightly data comparison (the six rules over every catering unit, findings
 * reconciled) and the daily health-certificate expiry job. Baseline: a plain `select count(*)` scan of the same
 * rows in the same run (what any job over this data must at least do).
 */

async function timed(work: () => Promise<unknown>): Promise<number> {
  const begin = performance.now();
  await work();
  return performance.now() - begin;
}

async function sizes(platform: Platform): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    platform.database.db,
    sql`select (select count(*)::int from entity where business_category = 'catering') as catering,
      (select count(*)::int from licence l join entity e on e.district_code = l.district_code and e.id = l.entity_id
        where e.business_category = 'catering') as licences,
      (select count(*)::int from food_handler) as handlers,
      (select count(*)::int from health_certificate) as certificates,
      (select count(*)::int from shop_upload) as uploads,
      (select count(*)::int from rectification_order) as rectifications,
      (select count(*)::int from certificate_warning) as warnings`,
  );
  return row ?? {};
}

/** A plain scan of what the comparison reads: the catering units, their licences, staff, approved uploads, orders, open findings. */
async function comparisonScan(platform: Platform): Promise<number> {
  const [row] = await queryRows<{ rows: number }>(
    platform.database.db,
    sql`select (select count(*) from entity where business_category = 'catering')
      + (select count(*) from licence l join entity e on e.district_code = l.district_code and e.id = l.entity_id
          where e.business_category = 'catering')
      + (select count(*) from food_handler)
      + (select count(*) from shop_upload where status = 'approved')
      + (select count(*) from rectification_order)
      + (select count(*) from supervision_finding where status <> 'resolved') as rows`,
  );
  return Number(row?.rows ?? 0);
}

/** A plain scan of what the expiry job reads: every food handler and the open warnings. */
async function expiryScan(platform: Platform): Promise<number> {
  const [row] = await queryRows<{ rows: number }>(
    platform.database.db,
    sql`select (select count(*) from food_handler) + (select count(*) from certificate_warning where closed_on is null) as rows`,
  );
  return Number(row?.rows ?? 0);
}

async function measure(ctx: BenchContext, platform: Platform, label: string): Promise<Measurement[]> {
  const job = systemContext(platform, 'bench');
  const day = todayInChina(platform.clock.now());
  const inJob = (work: (tx: typeof job) => Promise<unknown>) => () => job.db.transaction((tx) => work({ ...job, db: tx }));
  const counts = await sizes(platform);
  ctx.note(
    `${label}: ${Object.entries(counts)
      .map(([name, value]) => `${name} ${value.toLocaleString('en-US')}`)
      .join(', ')}.`,
  );
  // The first runs open the findings and warnings the seeded data calls for; later runs find them in place.
  const firstComparison = await timed(inJob((tx) => runNightlyComparison(tx, day)));
  const firstExpiry = await timed(inJob((tx) => runExpiryWarnings(tx, day)));
  const firstScan = await timed(() => comparisonScan(platform));
  ctx.log(`${label}: first comparison ${firstComparison.toFixed(0)} ms, first expiry ${firstExpiry.toFixed(0)} ms`);
  const comparison: number[] = [];
  const expiry: number[] = [];
  const comparisonBase: number[] = [];
  const expiryBase: number[] = [];
  const rounds = Math.max(3, Math.min(ctx.rounds, 5));
  for (let round = 0; round < rounds; round += 1) {
    comparisonBase.push(await timed(() => comparisonScan(platform)));
    comparison.push(await timed(inJob((tx) => runNightlyComparison(tx, day))));
    expiryBase.push(await timed(() => expiryScan(platform)));
    expiry.push(await timed(inJob((tx) => runExpiryWarnings(tx, day))));
    ctx.log(
      `${label} round ${round + 1}: comparison ${comparison.at(-1)?.toFixed(0)} ms (scan ${comparisonBase.at(-1)?.toFixed(0)}), ` +
        `expiry ${expiry.at(-1)?.toFixed(0)} ms (scan ${expiryBase.at(-1)?.toFixed(0)})`,
    );
  }
  return [
    {
      metric: `${label}: nightly comparison, first run (opens findings)`,
      unit: 'ms',
      better: 'lower',
      subject: firstComparison,
      baseline: firstScan,
    },
    {
      metric: `${label}: nightly comparison, steady state`,
      unit: 'ms',
      better: 'lower',
      subject: median(comparison),
      baseline: median(comparisonBase),
    },
    {
      metric: `${label}: expiry job, first run (raises warnings)`,
      unit: 'ms',
      better: 'lower',
      subject: firstExpiry,
      baseline: median(expiryBase),
    },
    { metric: `${label}: expiry job, steady state`, unit: 'ms', better: 'lower', subject: median(expiry), baseline: median(expiryBase) },
  ];
}

async function seeded(ctx: BenchContext, platform: Platform, scale: number): Promise<void> {
  const begin = performance.now();
  let shown = -1;
  const result = await seedDemoDistrict(platform, {
    seed: 'zhijian-bench',
    scale,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== shown) {
        shown = tenth;
        ctx.log(`demo district ×${scale}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} entities`);
      }
    },
  });
  ctx.log(`generated ${result.entities.toLocaleString('en-US')} entities in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

const description = (scale: string) =>
  `The food-safety jobs as the scheduler runs them (each in one transaction) on ${scale}: the nightly supervision ` +
  'data comparison (runNightlyComparison: the six rules C1–C6 over every catering unit, findings reconciled and routed) and ' +
  'the daily health-certificate expiry job (runExpiryWarnings: 30/7-day and expired warnings, operator notices). The first ' +
  'run of each writes what the seeded data calls for; steady state is the median of later runs (nothing new to write). ' +
  'Baseline: a plain scan (`select count(*)`) of the same rows in the same run (comparison: the catering entities, their ' +
  'licences, all food handlers, approved uploads, rectification orders and open findings; expiry: all food handlers and ' +
  'open warnings) — the least any job over this data must do.';

/**
 * The demo seeds a fixed 12,280 food handlers however many shops there are: at 10× every handler gets nine copies
 * at other catering units (own blind index, so no one is made a person at ten shops), keeping staff per shop as at 1×.
 */
async function multiplyHandlers(ctx: BenchContext, platform: Platform, copies: number): Promise<void> {
  await platform.database.db.execute(sql`
    with shops as (
      select district_code, id, street_code, (row_number() over (order by id) - 1)::int as n
      from entity where business_category = 'catering' and status = 'active'),
    total as (select count(*)::int as shops from shops),
    people as (select h.*, (row_number() over (order by h.id) - 1)::int as m from food_handler h)
    insert into food_handler (district_code, entity_id, street_code, industry_code, name, id_number_enc, id_number_blind,
      id_number_mask, post, is_full_time, hired_on, left_on, certificate_valid_until)
    select p.district_code, s.id, s.street_code, p.industry_code, p.name, p.id_number_enc, p.id_number_blind || '-' || k,
      p.id_number_mask, p.post, p.is_full_time, p.hired_on, p.left_on, p.certificate_valid_until
    from people p cross join generate_series(1, ${copies}::int) k cross join total
    join shops s on s.district_code = p.district_code and s.n = (p.m + k * 7919) % total.shops`);
  await platform.database.db.execute(sql`analyze food_handler`);
  ctx.log(`food handlers copied ${copies} times`);
}

async function runAt(ctx: BenchContext, scale: number, options: BenchServerOptions, label: string): Promise<Measurement[]> {
  const server = await ctx.startServer({
    ...options,
    prepare: async (platform) => {
      await seeded(ctx, platform, scale);
      if (scale > 1) await multiplyHandlers(ctx, platform, Math.round(scale) - 1);
    },
  });
  try {
    return await measure(ctx, server.platform, label);
  } finally {
    await server.close();
  }
}

export const foodSafetyJobs: Benchmark = {
  name: 'food-safety.jobs',
  description: description('the demo district (scale 1) on the default database'),
  run: (ctx) => runAt(ctx, 1, {}, 'demo district'),
};

const largeDatabase = 'zj_bench_food_safety';

export const foodSafetyJobsLarge: Benchmark = {
  name: 'food-safety.jobs-10x',
  isLarge: true,
  description: `${description('the demo district at scale 1 and at 10× (30,000 catering units, their staff copied so that staff per shop stays as at 1×) on PostgreSQL, one after the other')} The database \`${largeDatabase}\` is generated for the run and dropped at the end unless \`--keep\`.`,
  async run(ctx) {
    const serverUrl = await reachablePostgres();
    if (!serverUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
    const rows: Measurement[] = [];
    for (const scale of [1, 10]) {
      await dropBenchDatabase(serverUrl, largeDatabase);
      try {
        const label = scale === 1 ? 'PostgreSQL, demo district' : 'PostgreSQL, 10× demo district';
        rows.push(...(await runAt(ctx, scale, { postgres: { serverUrl, database: largeDatabase } }, label)));
      } finally {
        if (!ctx.flags.keep || scale === 1) await dropBenchDatabase(serverUrl, largeDatabase);
      }
    }
    return rows;
  },
};
