import os from 'node:os';
import type { Measurement } from './types.ts';

export interface BenchmarkOutcome {
  name: string;
  description: string;
  seconds: number;
  measurements: Measurement[];
  /** Markdown paragraphs under the table. */
  notes?: string[];
  error?: string;
}

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  databases: string[];
}

export function describeMachine(databases: string[]): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    databases,
  };
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatRatio(measurement: Measurement): string {
  const ratio = measurement.subject / measurement.baseline;
  return Number.isFinite(ratio) ? `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×` : '–';
}

function rows(measurement: Measurement): [string, string, string, string] {
  const better = measurement.better === 'higher' ? '↑' : '↓';
  return [
    `${measurement.metric} (${measurement.unit}, ${better} better)`,
    formatNumber(measurement.subject),
    formatNumber(measurement.baseline),
    formatRatio(measurement),
  ];
}

export function consoleTable(outcome: BenchmarkOutcome): string {
  if (outcome.error) return `${outcome.name}: FAILED — ${outcome.error}`;
  const table = [['metric', 'subject', 'baseline', 'subject/baseline'], ...outcome.measurements.map(rows)];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const lines = table.map((row) =>
    row.map((cell, column) => (column ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[0] ?? 0))).join('  '),
  );
  return [`${outcome.name}  (${outcome.seconds.toFixed(0)} s)`, ...lines.map((line) => `  ${line}`)].join('\n');
}

export function markdownReport(
  machine: Machine,
  outcomes: BenchmarkOutcome[],
  rounds: number,
  at: Date,
  command = 'npm run bench',
): string {
  const out = [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (\`scripts/bench/\`) on ${stamp(at)} UTC. Do not edit by hand: run it again.`,
    'Each section says when it was measured: `npm run bench -- --only NAME --update` re-measures one and keeps the others.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| OS | ${machine.os} |`,
    `| CPU | ${machine.cpu} |`,
    `| cores | ${machine.cores} |`,
    `| memory | ${machine.memory} |`,
    `| Node.js | ${machine.node} |`,
    `| database | ${machine.databases.join(', ') || '–'} |`,
    '',
    '## How to read this',
    '',
    `Each benchmark runs against the real application (\`buildApp\`, listening on 127.0.0.1, on a fresh database) and,`,
    'in the same run, against a baseline: a bare Fastify server with one route answering `{"ok":true}`. The load',
    'generator is a separate Node.js process with keep-alive connections and a fixed number of requests in flight.',
    `Baseline and subject alternate, ${rounds} rounds each after one warm-up round; every figure is the median of the`,
    'rounds. This machine is shared and noisy: the ratio subject/baseline is the number to compare between runs, the',
    'absolute figures much less. Throughput counts operations (one operation may be several requests); latency is',
    'per operation. No test asserts on timing.',
    '',
    'The registry benchmarks name their own baseline: a primary-key lookup beside search, a plain batched INSERT of',
    'the same rows beside an import. Their latencies are per request, one request in flight, pooled over the rounds.',
    'The PostgreSQL benchmarks at scale (1,000,000 entities, a 100,000-row file) run only with `npm run bench -- --large`',
    '(they need a PostgreSQL server: BENCH_DATABASE_URL, or the local one); `--keep` keeps their databases for the next run.',
    '',
  ];
  for (const outcome of outcomes) {
    out.push(`## ${outcome.name}`, '', `_Measured ${stamp(at)} UTC._`, '', outcome.description, '');
    if (outcome.error) {
      out.push(`**Failed:** ${outcome.error}`, '');
      continue;
    }
    out.push('| metric | subject | baseline | subject/baseline |', '| --- | ---: | ---: | ---: |');
    for (const measurement of outcome.measurements) out.push(`| ${rows(measurement).join(' | ')} |`);
    out.push('');
    for (const note of outcome.notes ?? []) out.push(note, '');
  }
  return out.join('\n');
}

function stamp(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A report whose header and re-measured sections come from `fresh` and whose other benchmark sections are kept from
 * `previous`, in `order`. Lets one benchmark be measured again without re-running the hour-long large ones.
 */
export function mergeReports(previous: string, fresh: string, order: readonly string[]): string {
  const previousSections = sectionsByName(previous);
  const freshSections = sectionsByName(fresh);
  const header = fresh.slice(0, firstBenchmarkOffset(fresh, order));
  const body = order.flatMap((name) => {
    const section = freshSections.get(name) ?? previousSections.get(name);
    return section === undefined ? [] : [section];
  });
  return `${header}${body.join('')}`.replace(/\n*$/, '\n');
}

function sectionsByName(report: string): Map<string, string> {
  const sections = new Map<string, string>();
  const starts = [...report.matchAll(/^## (.+)$/gm)];
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? report.length;
    const text = report.slice(match.index, end);
    sections.set((match[1] ?? '').trim(), text.endsWith('\n\n') ? text : `${text.replace(/\n*$/, '')}\n\n`);
  });
  return sections;
}

function firstBenchmarkOffset(report: string, order: readonly string[]): number {
  for (const match of report.matchAll(/^## (.+)$/gm)) if (order.includes((match[1] ?? '').trim())) return match.index;
  return report.length;
}
