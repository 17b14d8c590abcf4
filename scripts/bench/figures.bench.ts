import { allFigures } from '../../server/app.ts';
import { demoDistrict, seedDemoDistrict } from '../../server/demo/index.ts';
import { complaintStatistics } from '../../server/modules/complaints/index.ts';
import { caseStatistics } from '../../server/modules/enforcement/index.ts';
import { registryStatistics } from '../../server/modules/registry/index.ts';
import { samplingStatistics } from '../../server/modules/sampling/index.ts';
import { annualReport } from '../../server/platform/figures/annual-report.ts';
import { annualReportDocx } from '../../server/platform/figures/annual-report-docx.ts';
import { listFigures } from '../../server/platform/figures/figures.service.ts';
import { type ActorContext, type Platform, systemContext } from '../../server/platform/http/context.ts';
import { systemActorFor } from '../../server/platform/scope/actor.ts';
import { dropBenchDatabase, reachablePostgres } from './bench-server.ts';
import { median } from './stats.ts';
import type { BenchContext, Benchmark, BenchServerOptions, Measurement } from './types.ts';

/**
 * `figures.query`: every registered figure of a year with the year before (what GET /api/v1/figures?period=YYYY
 * computes, in-process), beside the four modules' own statistics functions run directly in the same run (registry,
 * complaints, cases, sampling: the statistics pages' queries, which also give a year and the year before); and the
 * annual report (.docx) of the year, beside the figures query it is built from.
 */

async function timed(work: () => Promise<unknown>): Promise<number> {
  const begin = performance.now();
  await work();
  return performance.now() - begin;
}

function leaderOf(platform: Platform): ActorContext {
  return { ...systemContext(platform, 'bench'), actor: { ...systemActorFor(demoDistrict.code), roles: ['leader'] } };
}

async function statisticsPages(ctx: ActorContext, year: number): Promise<void> {
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  await registryStatistics(ctx, { asOf: range.to });
  await complaintStatistics(ctx, range);
  await caseStatistics(ctx, range);
  await samplingStatistics(ctx, { year });
}

async function measure(ctx: BenchContext, platform: Platform, label: string): Promise<Measurement[]> {
  const leader = leaderOf(platform);
  const figures = allFigures();
  const figuresOf = () => listFigures(leader, figures, { period: '2020' });
  const report = async () => annualReportDocx(await annualReport(leader, figures, 2020), '明州区市场监督管理局');
  // Warm-up: plans and caches as a running server has them.
  await figuresOf();
  await statisticsPages(leader, 2020);
  const query: number[] = [];
  const baseline: number[] = [];
  const reports: number[] = [];
  const rounds = Math.max(3, Math.min(ctx.rounds, 5));
  for (let round = 0; round < rounds; round += 1) {
    baseline.push(await timed(() => statisticsPages(leader, 2020)));
    query.push(await timed(figuresOf));
    reports.push(await timed(report));
    ctx.log(
      `${label} round ${round + 1}: figures ${query.at(-1)?.toFixed(0)} ms, statistics ${baseline.at(-1)?.toFixed(0)} ms, report ${reports.at(-1)?.toFixed(0)} ms`,
    );
  }
  ctx.note(`${label}: ${figures.length} figures, each for 2020 and 2019.`);
  return [
    {
      metric: `${label}: all ${figures.length} figures of 2020 with 2019 (vs the four statistics pages' queries)`,
      unit: 'ms',
      better: 'lower',
      subject: median(query),
      baseline: median(baseline),
    },
    {
      metric: `${label}: annual report 2020 as .docx (vs the figures query it is built from)`,
      unit: 'ms',
      better: 'lower',
      subject: median(reports),
      baseline: median(query),
    },
  ];
}

async function runAt(ctx: BenchContext, scale: number, options: BenchServerOptions, label: string): Promise<Measurement[]> {
  const server = await ctx.startServer({
    ...options,
    prepare: async (platform) => {
      const begin = performance.now();
      await seedDemoDistrict(platform, {
        seed: 'zhijian-bench',
        scale,
        onStep: (name, milliseconds) => ctx.log(`  ${name}: ${(milliseconds / 1000).toFixed(1)} s`),
      });
      ctx.log(`demo district ×${scale} generated in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
    },
  });
  try {
    return await measure(ctx, server.platform, label);
  } finally {
    await server.close();
  }
}

const description =
  'Every registered figure of 2020 with 2019 (listFigures: what GET /api/v1/figures?period=2020 computes for a leader), ' +
  'and the 2020 annual report as .docx. Baseline for the figures: the registry, complaint, case and sampling statistics ' +
  'functions run directly in the same run (the statistics pages, each also a year with the year before). Baseline for ' +
  'the report: the figures query it is built from.';

export const figuresQuery: Benchmark = {
  name: 'figures.query',
  description: `${description} On the demo district (scale 1), default database.`,
  run: (ctx) => runAt(ctx, 1, {}, 'demo district'),
};

const largeDatabase = 'zj_bench_figures';

export const figuresQueryLarge: Benchmark = {
  name: 'figures.query-10x',
  isLarge: true,
  description: `${description} On the demo district at 10× on PostgreSQL (database \`${largeDatabase}\`, dropped at the end unless \`--keep\`).`,
  async run(ctx) {
    const serverUrl = await reachablePostgres();
    if (!serverUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
    await dropBenchDatabase(serverUrl, largeDatabase);
    try {
      return await runAt(ctx, 10, { postgres: { serverUrl, database: largeDatabase } }, 'PostgreSQL, 10× demo district');
    } finally {
      if (!ctx.flags.keep) await dropBenchDatabase(serverUrl, largeDatabase);
    }
  },
};
