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
  run(ctx: BenchContext): Promise<Measurement[]>;
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
  startServer(options?: { env?: Record<string, string> }): Promise<BenchServer>;
  log(message: string): void;
}
