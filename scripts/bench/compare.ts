import type { LoadJob, LoadResult } from './http-load.ts';
import { median, percentile } from './stats.ts';
import type { HttpComparison, Measurement } from './types.ts';

interface RoundFigures {
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

function figures(result: LoadResult): RoundFigures {
  return {
    throughput: (result.latenciesMs.length / result.elapsedMs) * 1000,
    p50: percentile(result.latenciesMs, 0.5),
    p95: percentile(result.latenciesMs, 0.95),
    p99: percentile(result.latenciesMs, 0.99),
  };
}

/**
 * Baseline and subject alternate round by round, so that whatever else the shared machine is doing
 * falls on both; each figure is the median over rounds. A warm-up round of each side is not counted.
 */
export async function compareHttp(
  load: (job: LoadJob) => Promise<LoadResult>,
  baselineOrigin: string,
  rounds: number,
  comparison: HttpComparison,
): Promise<Measurement[]> {
  const { concurrency, operations } = comparison;
  const baselineJob: LoadJob = { origin: baselineOrigin, steps: comparison.baselineSteps, concurrency, operations };
  const subjectJob: LoadJob = { origin: comparison.subject.origin, steps: comparison.subject.steps, concurrency, operations };
  const checked = async (job: LoadJob) => {
    const result = await load(job);
    if (result.failures)
      throw new Error(`${result.failures} of ${result.operations} operations failed against ${job.origin}: ${result.firstFailure}`);
    return result;
  };
  const warmUp = Math.max(concurrency * 2, Math.ceil(operations / 4));
  await checked({ ...baselineJob, operations: warmUp });
  await checked({ ...subjectJob, operations: warmUp });
  const baseline: RoundFigures[] = [];
  const subject: RoundFigures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    baseline.push(figures(await checked(baselineJob)));
    subject.push(figures(await checked(subjectJob)));
  }
  const pick = (key: keyof RoundFigures) => ({
    subject: median(subject.map((round) => round[key])),
    baseline: median(baseline.map((round) => round[key])),
  });
  return [
    { metric: 'throughput', unit: 'ops/s', better: 'higher', ...pick('throughput') },
    { metric: 'latency p50', unit: 'ms', better: 'lower', ...pick('p50') },
    { metric: 'latency p95', unit: 'ms', better: 'lower', ...pick('p95') },
    { metric: 'latency p99', unit: 'ms', better: 'lower', ...pick('p99') },
  ];
}
