import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type StartedServer, startBaselineServer, startBenchServer } from './bench-server.ts';
import { benchmarks } from './benchmarks.ts';
import { compareHttp } from './compare.ts';
import { startLoadProcess } from './load-process.ts';
import { type BenchmarkOutcome, consoleTable, describeMachine, markdownReport, mergeReports } from './report.ts';
import type { BenchContext } from './types.ts';

const defaultReport = new URL('../../docs/benchmarks.md', import.meta.url).pathname;

const usage = `zhijian bench [--only NAME[,NAME]] [--rounds N] [--out FILE | --update] [--list] [--large [--keep]]

  Runs the benchmarks of scripts/bench/benchmarks.ts, each beside its baseline, and writes
  docs/benchmarks.md (with --only, only when --out or --update is given). --update re-measures the selected
  benchmarks in the report (docs/benchmarks.md or --out) and keeps every other section as it was. BENCH_DATABASE_URL=postgres://… runs them
  on fresh databases of that PostgreSQL server instead of the embedded database.
  --large adds the PostgreSQL benchmarks at scale (1,000,000 entities; a 100,000-row import) on
  BENCH_DATABASE_URL or the local server (postgres://postgres@127.0.0.1:5432), and the province on a
  3-node Citus cluster (10 districts × 500,000 entities, beside the same rows on that PostgreSQL; the
  cluster is built and started as for npm run test:citus); --keep keeps their databases for the next run,
  which reuses them instead of generating again.`;

export async function runBenchmarks(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      only: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '5' },
      out: { type: 'string' },
      list: { type: 'boolean', default: false },
      large: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(usage);
  if (values.list) return console.log(benchmarks.map((benchmark) => `${benchmark.name}  ${benchmark.description}`).join('\n'));
  const only = (values.only ?? []).flatMap((names) => names.split(',')).filter(Boolean);
  const unknown = only.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length) throw new Error(`no benchmark ${unknown.join(', ')}; --list shows them`);
  const selected = only.length
    ? benchmarks.filter((benchmark) => only.includes(benchmark.name))
    : benchmarks.filter((benchmark) => values.large || !benchmark.isLarge);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');

  const loadProcess = startLoadProcess();
  const baseline = await startBaselineServer();
  const databases = new Set<string>();
  /** The notes of the benchmark running now. */
  let notes: string[] = [];
  const ctx: BenchContext = {
    rounds,
    baselineOrigin: baseline.origin,
    load: (job) => loadProcess.run(job),
    compareHttp: (comparison) => compareHttp(ctx.load, baseline.origin, rounds, comparison),
    flags: { large: values.large, keep: values.keep },
    async startServer(options) {
      const server: StartedServer = await startBenchServer(options);
      databases.add(server.databaseVersion);
      return server;
    },
    log: (message) => console.log(`  ${message}`),
    note: (markdown) => {
      notes.push(markdown);
    },
  };

  const outcomes: BenchmarkOutcome[] = [];
  try {
    for (const benchmark of selected) {
      console.log(`▶ ${benchmark.name}`);
      const begin = performance.now();
      notes = [];
      const outcome: BenchmarkOutcome = { name: benchmark.name, description: benchmark.description, seconds: 0, measurements: [], notes };
      try {
        outcome.measurements = await benchmark.run(ctx);
      } catch (error) {
        outcome.error = error instanceof Error ? error.message : String(error);
        process.exitCode = 1;
      }
      outcome.seconds = (performance.now() - begin) / 1000;
      outcomes.push(outcome);
      console.log(`${consoleTable(outcome)}\n`);
    }
  } finally {
    loadProcess.close();
    await baseline.close();
  }

  const file = values.out ?? (only.length && !values.update ? undefined : defaultReport);
  if (!file) return;
  const command = ['npm run bench', ...(values.large ? ['--', '--large'] : [])].join(' ');
  const report = markdownReport(describeMachine([...databases]), outcomes, rounds, new Date(), command);
  const names = benchmarks.map((benchmark) => benchmark.name);
  writeFileSync(file, values.update && existsSync(file) ? mergeReports(readFileSync(file, 'utf8'), report, names) : report);
  console.log(`Wrote ${file}.`);
}
