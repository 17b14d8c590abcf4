// Soak: mixed load on the real server for a while (10 minutes by default) — searches, lists, the audit trail,
// account creation, import dry-runs, the public pages, health — with a fixed number of requests in flight.
// Passes when no request fails (no 5xx, no dropped connection) and memory stays flat: the server's resident size
// at the end within 1.5× of its size after the first minute (warm). Traffic only to 127.0.0.1.
//
//   npm run soak                       10 minutes on the embedded database
//   npm run soak -- --minutes 2 --pg   2 minutes on PostgreSQL (127.0.0.1:5432, a fresh database)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scratchEnvironment, signIn, startServer } from './server-process.ts';

const { values } = parseArgs({ options: { minutes: { type: 'string' }, pg: { type: 'boolean' }, concurrency: { type: 'string' } } });
const minutes = Number(values.minutes ?? 10);
const concurrency = Number(values.concurrency ?? 8);
const adminPassword = 'Soak-Test-Admin-2026!';

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}

const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

const scratch = await scratchEnvironment('soak', { postgres: Boolean(values.pg), adminPassword, jobs: true });
const env = scratch.env;

const server = await startServer(env);
const pid = server.child.pid as number;
const cookie = await signIn(server.base, adminPassword);
const json = { cookie, 'content-type': 'application/json' };
let serial = 0;
const csv = () =>
  `\uFEFF统一社会信用代码,企业名称,类型,法定代表人,成立日期,注册资本(万元),住所,所属街道,行业\r\n${Array.from(
    { length: 20 },
    (_, row) =>
      `91330212MA${String(serial).padStart(5, '0')}${String(row).padStart(2, '0')}X,浸泡测试${serial}-${row},有限责任公司,王五,2018-03-01,100,中河路,街道1,F51`,
  ).join('\r\n')}\r\n`;
const operations: [string, () => Promise<Response>][] = [
  ['search', () => fetch(`${server.base}/api/v1/entities?q=${encodeURIComponent('浸泡')}`, { headers: { cookie } })],
  ['users', () => fetch(`${server.base}/api/v1/users?page=1&pageSize=50`, { headers: { cookie } })],
  ['audit', () => fetch(`${server.base}/api/v1/audit?page=1&pageSize=50`, { headers: { cookie } })],
  ['me', () => fetch(`${server.base}/api/v1/auth/me`, { headers: { cookie } })],
  ['health', () => fetch(`${server.base}/api/health/ready`)],
  ['public', () => fetch(`${server.base}/public/random-inspections`, { headers: { accept: 'text/html' } })],
  [
    'create user',
    () =>
      fetch(`${server.base}/api/v1/users`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: `soak.${process.pid}.${++serial}`, displayName: '浸泡测试', roles: ['inspector'] }),
      }),
  ],
  [
    'import',
    () =>
      fetch(`${server.base}/api/v1/registry/imports?filename=soak-${++serial}.csv`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv' },
        body: csv(),
      }),
  ],
];

const counts = new Map<string, number>();
const failures: string[] = [];
let requests = 0;
const started = Date.now();
const end = started + minutes * 60_000;
const samples: { at: number; rss: number }[] = [{ at: 0, rss: rssOf(pid) }];
const sampler = setInterval(() => samples.push({ at: Date.now() - started, rss: rssOf(pid) }), 15_000);

async function worker(index: number) {
  for (let turn = index; Date.now() < end; turn++) {
    const [name, run] = operations[turn % operations.length] as [string, () => Promise<Response>];
    try {
      const response = await run();
      await response.arrayBuffer();
      const key = `${name} ${response.status}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (response.status >= 500) failures.push(key);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
    requests += 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
clearInterval(sampler);
samples.push({ at: Date.now() - started, rss: rssOf(pid) });
server.child.kill('SIGTERM');
await new Promise((resolve) => server.child.once('exit', resolve));
await scratch.dispose();

const warm = samples.find((sample) => sample.at >= 60_000) ?? samples[1] ?? samples[0];
const last = samples.at(-1) ?? samples[0];
const peak = Math.max(...samples.map((sample) => sample.rss));
const isFlat = (last?.rss ?? 0) <= (warm?.rss ?? 0) * 1.5;
console.log(
  `soak: ${minutes} min on ${values.pg ? 'PostgreSQL' : 'the embedded database'}, ${concurrency} in flight, ${requests} requests`,
);
console.log(`  by operation and status: ${[...counts].map(([key, count]) => `${key} ×${count}`).join(', ')}`);
console.log(
  `  server RSS: start ${megabytes(samples[0]?.rss ?? 0)}, after 1 min ${megabytes(warm?.rss ?? 0)}, end ${megabytes(last?.rss ?? 0)}, peak ${megabytes(peak)}`,
);
console.log(`  failures: ${failures.length}${failures.length ? ` (${[...new Set(failures)].slice(0, 10).join('; ')})` : ''}`);
const failed = (failures.length ? 1 : 0) + (isFlat ? 0 : 1);
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
