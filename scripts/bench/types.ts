import type { Platform } from '../../server/platform/http/context.ts';
import type { LoadJob, LoadResult, RequestStep } from './http-load.ts';

/** One row of a benchmark's table: the subject beside the bare-Fastify baseline of the same run. */
export interface Measurement {
  metric: string;
  unit: string;
  subject: number;
  baseline: number;
  /** Which direction is better, so the report can say whether a ratio is a cost. */
  better: 'higher' | 'lower';
}

export interface Benchmark {
  /** Dotted, module first: `auth.session-check`, `registry.search`. Selected with `--only`. */
  name: string;
  description: string;
  /** Runs only with `--large` (or `--only`): too slow for the default run. */
  isLarge?: boolean;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

export interface BenchServerOptions {
  env?: Record<string, string>;
  /** A named database on this PostgreSQL server instead of a throwaway one: created if missing, kept on close. */
  postgres?: { serverUrl: string; database: string };
  /** Runs on the migrated platform before the bootstrap and before the server listens (e.g. the demo district). */
  prepare?: (platform: Platform, state: { isNewDatabase: boolean }) => Promise<void>;
}

/** Flags of `zhijian bench` that benchmarks read. */
export interface BenchFlags {
  /** `--large`: also the 1,000,000-entity and 100,000-row benchmarks on PostgreSQL. */
  large: boolean;
  /** `--keep`: keep the large benchmark databases for the next run (they are reused when present). */
  keep: boolean;
}

/** A migrated platform on a throwaway database, served on 127.0.0.1 by the real application. */
export interface BenchServer {
  platform: Platform;
  origin: string;
  close(): Promise<void>;
}

export interface HttpComparison {
  /** Requests of one operation against the application (latency is per operation). */
  subject: { origin: string; steps: RequestStep[] };
  /** The same shape of requests against the bare route (`GET`/`POST /bare`). */
  baselineSteps: RequestStep[];
  concurrency: number;
  /** Operations per round; each side runs `rounds` rounds, alternating. */
  operations: number;
}

export interface BenchContext {
  rounds: number;
  /** The bare Fastify server of this run: `GET /bare` and `POST /bare` answer {ok:true}. */
  baselineOrigin: string;
  /** Runs one load job in the load-generator process. */
  load(job: LoadJob): Promise<LoadResult>;
  /** Alternating rounds (baseline, subject, …), medians of throughput and p50/p95/p99. */
  compareHttp(comparison: HttpComparison): Promise<Measurement[]>;
  /** A fresh server: in-memory PGlite, or a new database on BENCH_DATABASE_URL. Closed by the caller. */
  startServer(options?: BenchServerOptions): Promise<BenchServer>;
  flags: BenchFlags;
  log(message: string): void;
  /** A paragraph of markdown printed under this benchmark's table (e.g. the queries and their matches). */
  note(markdown: string): void;
}
