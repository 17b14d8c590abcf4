import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { topologicalOrder } from '../../server/db/backup.ts';
import { queryRows } from '../../server/db/client.ts';
import { seedDemoDistrict } from '../../server/demo/index.ts';
import { runExpiryWarnings, runFindings } from '../../server/modules/food-safety/index.ts';
import { recomputeDistrictColours } from '../../server/modules/risk-code/index.ts';
import { createUser } from '../../server/platform/accounts/accounts.service.ts';
import { type Platform, systemContext } from '../../server/platform/http/context.ts';
import { todayInChina } from '../../shared/calendar-day.ts';
import { ensureCitusCluster } from '../citus-cluster.ts';
import { dropBenchDatabase, benchAdminPassword as password, reachablePostgres, signIn } from './bench-server.ts';
import { median, percentile } from './stats.ts';
import type { BenchContext, Benchmark, BenchServer, Measurement } from './types.ts';

/**
 * `province.citus`: a city of 10 districts × 500,000 entities on the 3-node Citus cluster (coordinator + 2 workers,
 * 32 shards per table) beside the same rows on one PostgreSQL, in the same run, through the real application on
 * each: the entity search of every district (p95), the registry statistics of one district and of the whole city,
 * the nightly jobs of the demo district. Subject: Citus; baseline: the single PostgreSQL.
 *
 * Data, generated once: the demo district (明州区 330212, with every module's demo data) at the scale of 500,000
 * entities on PostgreSQL, copied inside the server to nine more districts of the city (new codes, streets and ids,
 * the same names and addresses), then streamed table by table to the cluster with COPY.
 */

export const provinceDatabase = 'zj_bench_province';
const demoCode = '330212';
const cityCode = '330200';
/** The other districts of the (fictional) city: the real GB/T 2260 codes of Ningbo's districts and counties. */
const cloneCodes = ['330203', '330205', '330206', '330211', '330213', '330225', '330226', '330281', '330282'];
const districtCodes = [demoCode, ...cloneCodes].sort();
/** 500,000 by default; ZHIJIAN_BENCH_PROVINCE_ENTITIES sets fewer for a shorter run (the report says how many). */
const entitiesPerDistrict = Number(process.env.ZHIJIAN_BENCH_PROVINCE_ENTITIES ?? 500_000);
/** Scale of the demo generator that makes 500,000 entity rows (70,732 at scale 1). */
const demoScale = entitiesPerDistrict / 70_732;
/** Ids of the k-th copy are the demo district's plus k × this: no two districts share an id. */
const idStride = 10_000_000;
const asOf = '2020-12-31';

const sectionUser = (code: string) => `bench.section.${code}`;
const cityUser = 'bench.city.leader';

/** Queries of the search, each with a share of matches at district scale (the demo vocabulary). */
const searchQueries = (code: string) => [
  `q=${encodeURIComponent('店')}`,
  `q=${encodeURIComponent('餐饮')}`,
  `q=${encodeURIComponent('鸭')}`,
  `q=${encodeURIComponent('顺发火锅店')}`,
  `q=${encodeURIComponent('嵩江中路')}`,
  'q=91330212',
  `street=${code}004&status=active`,
  'kind=individual&status=cancelled',
];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const begin = performance.now();
  await work();
  return performance.now() - begin;
}

/** Columns of a table, in order, as the SELECT list of a copy into `code` (district, ids, streets rewritten). */
async function cloneSelect(platform: Platform, table: string, offset: number, code: string): Promise<{ columns: string; select: string }> {
  const columns = await queryRows<{ name: string }>(
    platform.database.db,
    sql`select attname as name from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  const rewrite: Record<string, string> = {
    district_code: `'${code}'`,
    id: `id + ${offset}`,
    entity_id: `entity_id + ${offset}`,
    street_code: `'${code}' || substr(street_code, 7)`,
    community_code: `'${code}' || substr(community_code, 7)`,
    recorded_by: 'null',
  };
  return {
    columns: columns.map((column) => `"${column.name}"`).join(', '),
    select: columns.map((column) => rewrite[column.name] ?? `"${column.name}"`).join(', '),
  };
}

/** On PostgreSQL: the demo district at 500,000 entities, nine copies of its registry, one section user per district. */
async function generate(ctx: BenchContext, platform: Platform): Promise<void> {
  const begin = performance.now();
  let shown = -1;
  await seedDemoDistrict(platform, {
    seed: 'zhijian-bench',
    scale: demoScale,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== shown) {
        shown = tenth;
        ctx.log(`demo district: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} entities`);
      }
    },
  });
  ctx.log(`demo district generated in ${((performance.now() - begin) / 1000).toFixed(0)} s`);
  const db = platform.database.db;
  for (const [index, code] of cloneCodes.entries()) {
    const offset = (index + 1) * idStride;
    const started = performance.now();
    await platform.database.rawTransaction(async (run) => {
      await run(`INSERT INTO district (code, name, name_en, city_code, province_code)
        VALUES ('${code}', '基准测试区${code}', 'Benchmark district ${code}', '${cityCode}', '330000')`);
      await run(`INSERT INTO street (district_code, code, name, name_en)
        SELECT '${code}', '${code}' || substr(code, 7), name, name_en FROM street WHERE district_code = '${demoCode}'`);
      await run(`INSERT INTO community (district_code, code, street_code, name, name_en)
        SELECT '${code}', '${code}' || substr(code, 7), '${code}' || substr(street_code, 7), name, name_en
          FROM community WHERE district_code = '${demoCode}'`);
      for (const table of ['entity', 'licence', 'premises', 'entity_status_history']) {
        const { columns, select } = await cloneSelect(platform, table, offset, code);
        await run(`INSERT INTO ${table} (${columns}) SELECT ${select} FROM ${table} WHERE district_code = '${demoCode}'`);
      }
    });
    ctx.log(`district ${code}: registry copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await platform.database.rawTransaction(async (run) => {
    for (const table of ['entity', 'licence', 'premises', 'entity_status_history'])
      await run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  });
  const system = systemContext(platform, 'bench');
  for (const code of districtCodes) {
    await createUser(system, {
      districtCode: code,
      username: sectionUser(code),
      displayName: `科室 ${code}`,
      roles: ['section'],
      orgUnitId: null,
      passwordOverride: password,
    });
  }
  await createUser(system, {
    districtCode: demoCode,
    username: cityUser,
    displayName: '市局领导',
    roles: ['leader'],
    orgUnitId: null,
    passwordOverride: password,
  });
  await db.execute(sql`update app_user set reach = 'city' where username = ${cityUser}`);
  await db.execute(sql`vacuum analyze`);
}

/** Streams every table with rows from PostgreSQL into the cluster with COPY, referenced tables first. */
async function copyToCitus(ctx: BenchContext, sourceUrl: string, target: Platform): Promise<void> {
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  try {
    const tables = (
      await source.query<{ name: string; rows: string }>(
        `select c.relname as name, c.reltuples::bigint::text as rows from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migration'`,
      )
    ).rows;
    const references = (
      await source.query<{ child: string; parent: string }>(
        `select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
          where contype = 'f' and connamespace = 'public'::regnamespace`,
      )
    ).rows;
    const targetUrl = (target.config.DATABASE_URL ?? '') as string;
    for (const table of topologicalOrder(tables, references)) {
      const started = performance.now();
      const [{ count } = { count: '0' }] = (await source.query<{ count: string }>(`select count(*)::text as count from "${table.name}"`))
        .rows;
      if (count === '0') continue;
      const sink = new pg.Client({ connectionString: targetUrl });
      await sink.connect();
      try {
        // A fresh cluster database holds only what the migrations seed (the holiday calendar): replaced by the copy.
        const { rows: seeded } = await sink.query(`select exists (select 1 from "${table.name}") as seeded`);
        if (seeded[0]?.seeded) await sink.query(`truncate "${table.name}"`);
        await pipeline(source.query(copyTo(`COPY "${table.name}" TO STDOUT`)), sink.query(copyFrom(`COPY "${table.name}" FROM STDIN`)));
        // The identity sequences go on after the copied ids, as after a restore.
        const identities = await sink.query<{ column: string }>(
          `select attname as column from pg_attribute where attrelid = $1::regclass and attidentity <> ''`,
          [`"${table.name}"`],
        );
        for (const { column } of identities.rows)
          await sink.query(
            `SELECT setval(pg_get_serial_sequence('"${table.name}"', '${column}'), (SELECT max("${column}") FROM "${table.name}"))`,
          );
      } finally {
        await sink.end();
      }
      ctx.log(
        `copied ${table.name}: ${Number(count).toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await source.end();
  }
  await target.database.db.execute(sql`analyze`);
}

function databaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${provinceDatabase}`;
  return url.toString();
}

/** Entities in the database at `url`; -1 when it does not exist or has no registry yet. */
async function entitiesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ entities: number }>('select count(*)::int as entities from entity');
    return rows[0]?.entities ?? -1;
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function entityCount(platform: Platform): Promise<number> {
  const [row] = await queryRows<{ entities: number }>(platform.database.db, sql`select count(*)::int as entities from entity`);
  return row?.entities ?? 0;
}

/** The registry statistics of one district (its section) and of the whole city (the city leader), per request. */
async function timedGet(origin: string, cookie: string, path: string): Promise<number> {
  const begin = performance.now();
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path} → ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - begin;
}

const statistics = (origin: string, cookie: string) => timedGet(origin, cookie, `/api/v1/registry/statistics?asOf=${asOf}`);
/** Every registered figure of the year with the year before: what a leader's home and the annual report ask. */
const figures = (origin: string, cookie: string) => timedGet(origin, cookie, `/api/v1/figures?period=${asOf.slice(0, 4)}`);

async function search(origin: string, cookie: string, query: string): Promise<number> {
  const begin = performance.now();
  const response = await fetch(`${origin}/api/v1/entities?${query}&pageSize=20`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`search ${query} → ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - begin;
}

/** The nightly jobs of the demo district, each in one transaction as the scheduler runs it. */
async function nightlyJobs(platform: Platform): Promise<Record<string, number>> {
  const job = systemContext(platform, 'bench');
  const day = todayInChina(platform.clock.now());
  const inJob = (work: (tx: typeof job) => Promise<unknown>) => () => job.db.transaction((tx) => work({ ...job, db: tx }));
  return {
    'five-colour recompute (all units)': await timed(inJob((tx) => recomputeDistrictColours(tx, demoCode, true))),
    'supervision data comparison': await timed(
      inJob((tx) => runFindings(tx, { districtCode: demoCode, entityIds: null, trigger: 'nightly', day })),
    ),
    'health-certificate expiry': await timed(inJob((tx) => runExpiryWarnings(tx, day))),
  };
}

async function measure(ctx: BenchContext, citus: BenchServer, postgres: BenchServer): Promise<Measurement[]> {
  const engines = { citus, postgres } as const;
  const cookies = { citus: new Map<string, string>(), postgres: new Map<string, string>() };
  for (const [engine, server] of Object.entries(engines) as [keyof typeof engines, BenchServer][]) {
    for (const username of [...districtCodes.map(sectionUser), cityUser])
      cookies[engine].set(username, await signIn(server.origin, username, password));
  }
  const cookie = (engine: keyof typeof engines, username: string) => cookies[engine].get(username) ?? '';

  // Warm-up: every query once on each engine.
  for (const engine of ['postgres', 'citus'] as const)
    for (const code of districtCodes)
      for (const query of searchQueries(code)) await search(engines[engine].origin, cookie(engine, sectionUser(code)), query);

  const searchTimes = {
    citus: new Map(districtCodes.map((code) => [code, [] as number[]])),
    postgres: new Map(districtCodes.map((code) => [code, [] as number[]])),
  };
  const statisticsTimes = { citus: { one: [] as number[], city: [] as number[] }, postgres: { one: [] as number[], city: [] as number[] } };
  const figureTimes = { citus: { one: [] as number[], city: [] as number[] }, postgres: { one: [] as number[], city: [] as number[] } };
  for (let round = 0; round < ctx.rounds; round += 1) {
    for (const code of districtCodes) {
      for (const query of searchQueries(code)) {
        // Alternate which engine goes first, so that neither always finds the other's warm caches.
        const order = (round + code.charCodeAt(5)) % 2 ? (['citus', 'postgres'] as const) : (['postgres', 'citus'] as const);
        for (const engine of order)
          searchTimes[engine].get(code)?.push(await search(engines[engine].origin, cookie(engine, sectionUser(code)), query));
      }
    }
    for (const engine of ['postgres', 'citus'] as const) {
      statisticsTimes[engine].one.push(await statistics(engines[engine].origin, cookie(engine, sectionUser(demoCode))));
      statisticsTimes[engine].city.push(await statistics(engines[engine].origin, cookie(engine, cityUser)));
      figureTimes[engine].one.push(await figures(engines[engine].origin, cookie(engine, sectionUser(demoCode))));
      figureTimes[engine].city.push(await figures(engines[engine].origin, cookie(engine, cityUser)));
    }
    ctx.log(`round ${round + 1}: searches, statistics and figures done`);
  }

  const rows: Measurement[] = [];
  for (const code of districtCodes) {
    rows.push({
      metric: `entity search p95, district ${code}`,
      unit: 'ms',
      better: 'lower',
      subject: percentile(searchTimes.citus.get(code) ?? [], 0.95),
      baseline: percentile(searchTimes.postgres.get(code) ?? [], 0.95),
    });
  }
  const all = (engine: 'citus' | 'postgres') => [...searchTimes[engine].values()].flat();
  rows.push(
    {
      metric: 'entity search p50, all districts',
      unit: 'ms',
      better: 'lower',
      subject: median(all('citus')),
      baseline: median(all('postgres')),
    },
    {
      metric: 'entity search p95, all districts',
      unit: 'ms',
      better: 'lower',
      subject: percentile(all('citus'), 0.95),
      baseline: percentile(all('postgres'), 0.95),
    },
    {
      metric: 'registry statistics, one district (median)',
      unit: 'ms',
      better: 'lower',
      subject: median(statisticsTimes.citus.one),
      baseline: median(statisticsTimes.postgres.one),
    },
    {
      metric: 'registry statistics, whole city of 10 districts (median)',
      unit: 'ms',
      better: 'lower',
      subject: median(statisticsTimes.citus.city),
      baseline: median(statisticsTimes.postgres.city),
    },
    {
      metric: 'every figure of the year with the year before, one district (median)',
      unit: 'ms',
      better: 'lower',
      subject: median(figureTimes.citus.one),
      baseline: median(figureTimes.postgres.one),
    },
    {
      metric: 'every figure of the year with the year before, whole city of 10 districts (median)',
      unit: 'ms',
      better: 'lower',
      subject: median(figureTimes.citus.city),
      baseline: median(figureTimes.postgres.city),
    },
  );

  // Nightly jobs of one district: a first run on each engine (writes what the data calls for), then the median of
  // later runs.
  const jobRounds = Math.max(3, Math.min(ctx.rounds, 5));
  const jobTimes = { citus: [] as Record<string, number>[], postgres: [] as Record<string, number>[] };
  for (let round = 0; round <= jobRounds; round += 1) {
    for (const engine of ['postgres', 'citus'] as const) jobTimes[engine].push(await nightlyJobs(engines[engine].platform));
    ctx.log(
      `jobs round ${round}: ${JSON.stringify(jobTimes.citus.at(-1))} (Citus), ${JSON.stringify(jobTimes.postgres.at(-1))} (PostgreSQL)`,
    );
  }
  for (const name of Object.keys(jobTimes.citus[0] ?? {})) {
    const steady = (engine: 'citus' | 'postgres') => median(jobTimes[engine].slice(1).map((times) => times[name] ?? Number.NaN));
    rows.push(
      {
        metric: `nightly job, district ${demoCode}: ${name}, first run`,
        unit: 'ms',
        better: 'lower',
        subject: jobTimes.citus[0]?.[name] ?? Number.NaN,
        baseline: jobTimes.postgres[0]?.[name] ?? Number.NaN,
      },
      {
        metric: `nightly job, district ${demoCode}: ${name}, steady state`,
        unit: 'ms',
        better: 'lower',
        subject: steady('citus'),
        baseline: steady('postgres'),
      },
    );
  }
  return rows;
}

export const provinceCitus: Benchmark = {
  name: 'province.citus',
  isLarge: true,
  description:
    `A city of 10 districts × ${entitiesPerDistrict.toLocaleString('en-US')} entities (${(10 * entitiesPerDistrict).toLocaleString('en-US')} in all; ` +
    '500,000 a district unless ZHIJIAN_BENCH_PROVINCE_ENTITIES says fewer) on a 3-node Citus 13.2 cluster (coordinator and two ' +
    'workers on this machine, 32 shards per distributed table) — the subject — beside the same rows on one PostgreSQL ' +
    '— the baseline — in the same run, each through the real application (HTTP on 127.0.0.1, one request in flight). ' +
    'Entity search: 8 queries per district (1- and 2-character, a name, an address, a credit-code prefix, filters) as ' +
    "that district's section staff, each requested once a round on each engine, alternating which goes first; p95 per " +
    'district. Registry statistics (GET /api/v1/registry/statistics) and every figure of the figures registry for ' +
    `${asOf.slice(0, 4)} with the year before (GET /api/v1/figures, what a leader's home and the annual report compute): ` +
    'as one district’s section staff, and as a city-level leader reading all 10 districts. Nightly jobs of the demo district 330212 (its module data: food handlers, inspections, codes), ' +
    'each in one transaction: the five-colour recompute of every unit, the supervision data comparison, the ' +
    'certificate expiry job; first run, then the median of later runs. Generated once: the demo district at that size, ' +
    'copied to nine more districts of its city inside PostgreSQL, streamed to the cluster with COPY; the ' +
    `databases \`${provinceDatabase}\` are dropped at the end unless \`--keep\`. Goal (issue 22): no query of one ` +
    'district slower on Citus than 1.5× PostgreSQL, the whole city faster. All three nodes share the 2 cores of this ' +
    'machine with the application, so the cluster cannot run shards in parallel as separate machines would.',
  async run(ctx) {
    const postgresUrl = await reachablePostgres();
    if (!postgresUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
    const cluster = await ensureCitusCluster();
    const dropBoth = async () => {
      await dropBenchDatabase(cluster.url, provinceDatabase);
      await dropBenchDatabase(postgresUrl, provinceDatabase);
    };
    try {
      let generation = Number.NaN;
      let copy = Number.NaN;
      const postgres = await ctx.startServer({
        postgres: { serverUrl: postgresUrl, database: provinceDatabase },
        prepare: async (platform) => {
          const entities = await entityCount(platform);
          if (entities >= districtCodes.length * entitiesPerDistrict * 0.99) return ctx.log(`reusing ${provinceDatabase} on PostgreSQL`);
          if (entities) throw new Error(`${provinceDatabase} holds ${entities} entities: drop it and run again`);
          generation = await timed(() => generate(ctx, platform));
        },
      });
      try {
        const expected = await entityCount(postgres.platform);
        // A cluster database left by an interrupted run is made again.
        if ((await entitiesIn(databaseUrl(cluster.url))) !== expected) await dropBenchDatabase(cluster.url, provinceDatabase);
        const citus = await ctx.startServer({
          postgres: { serverUrl: cluster.url, database: provinceDatabase },
          prepare: async (platform) => {
            if ((await entityCount(platform)) === expected) return ctx.log(`reusing ${provinceDatabase} on Citus`);
            copy = await timed(() => copyToCitus(ctx, postgres.platform.config.DATABASE_URL as string, platform));
          },
        });
        try {
          ctx.note(
            `Data: ${expected.toLocaleString('en-US')} entities in ${districtCodes.length} districts on each engine. ` +
              'Generation and copy times are empty when the databases were reused (`--keep`).',
          );
          return [
            { metric: 'generating the city on PostgreSQL', unit: 's', better: 'lower', subject: Number.NaN, baseline: generation / 1000 },
            { metric: 'copying it to the cluster (COPY)', unit: 's', better: 'lower', subject: copy / 1000, baseline: Number.NaN },
            ...(await measure(ctx, citus, postgres)),
          ];
        } finally {
          await citus.close();
        }
      } finally {
        await postgres.close();
      }
    } finally {
      if (!ctx.flags.keep) await dropBoth();
      cluster.stop();
    }
  },
};
