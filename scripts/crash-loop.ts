// Crash loops: the real server (bin/zhijian.js start) is killed with SIGKILL at a random moment while clients
// write — accounts created one by one, spreadsheet imports of many rows — then started again on the same data.
// After every restart: each acknowledged write is there, no import is half applied (a batch has all its rows or
// does not exist), and the audit chain verifies. Embedded database and PostgreSQL; traffic only to 127.0.0.1.
//
//   npm run crash-loop                 10 cycles on the embedded database, 5 on PostgreSQL (127.0.0.1:5432)
//   npm run crash-loop -- --ci         3 and 2: what .ci/run runs
//   npm run crash-loop -- --embedded-cycles N --pg-cycles M
import { parseArgs } from 'node:util';
import { kill, scratchEnvironment, signIn, startServer } from './server-process.ts';

const { values } = parseArgs({
  options: { ci: { type: 'boolean' }, 'embedded-cycles': { type: 'string' }, 'pg-cycles': { type: 'string' } },
});
const embeddedCycles = Number(values['embedded-cycles'] ?? (values.ci ? 3 : 10));
const pgCycles = Number(values['pg-cycles'] ?? (values.ci ? 2 : 5));
const adminPassword = 'Crash-Loop-Admin-2026!';
const importRows = 40;

interface World {
  /** Accounts whose creation was answered 201. */
  users: Set<string>;
  /** Import batches whose upload was answered 201. */
  imports: Set<number>;
  highestImport: number;
  writes: number;
}

async function check(base: string, cookie: string, world: World): Promise<string[]> {
  const problems: string[] = [];
  const headers = { cookie };
  const present = new Set<string>();
  for (let page = 1; ; page++) {
    const body = (await (await fetch(`${base}/api/v1/users?pageSize=100&page=${page}`, { headers })).json()) as {
      items: { username: string }[];
      total: number;
    };
    for (const item of body.items) present.add(item.username);
    if (page * 100 >= body.total) break;
  }
  for (const username of world.users) if (!present.has(username)) problems.push(`acknowledged account ${username} is missing`);
  // Batches are numbered: every id up to a little past the last acknowledged one is whole or absent.
  for (let id = 1; id <= world.highestImport + 3; id++) {
    const response = await fetch(`${base}/api/v1/registry/imports/${id}`, { headers });
    if (response.status === 404) {
      if (world.imports.has(id)) problems.push(`acknowledged import ${id} is missing`);
      continue;
    }
    const batch = (await response.json()) as { rowCount: number };
    const rows = (await (await fetch(`${base}/api/v1/registry/imports/${id}/rows?pageSize=1`, { headers })).json()) as { total: number };
    if (batch.rowCount !== importRows || rows.total !== importRows) {
      problems.push(`import ${id} is half applied: ${rows.total} of ${importRows} rows (header says ${batch.rowCount})`);
    }
  }
  const verify = (await (
    await fetch(`${base}/api/v1/audit/verify`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { ok: boolean; brokenCount: number };
  if (!verify.ok) problems.push(`audit chain broken: ${verify.brokenCount} link(s)`);
  return problems;
}

function csvOf(cycle: number, serial: number): string {
  const header = '统一社会信用代码,企业名称,类型,法定代表人,成立日期,注册资本(万元),住所,所属街道,行业';
  const lines = Array.from({ length: importRows }, (_, row) => {
    const code = `91330212MA${String(cycle).padStart(2, '0')}${String(serial).padStart(3, '0')}${String(row).padStart(2, '0')}X`;
    return `${code},崩溃测试${cycle}-${serial}-${row}有限公司,有限责任公司,王五,2018-03-01,100,中河路${row}号,街道1,F51`;
  });
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** Writers until `stop` turns true; only writes answered with success count as acknowledged. */
async function writeUntil(base: string, cookie: string, world: World, cycle: number, stop: { now: boolean }) {
  const headers = { cookie, 'content-type': 'application/json' };
  const accounts = async (writer: number) => {
    for (let serial = 0; !stop.now; serial++) {
      const username = `crash.c${cycle}.w${writer}.n${serial}`;
      try {
        const response = await fetch(`${base}/api/v1/users`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ username, displayName: `崩溃测试 ${username}`, roles: ['inspector'] }),
        });
        if (response.status === 201) {
          world.users.add(username);
          world.writes += 1;
        }
      } catch {
        return;
      }
    }
  };
  const imports = async () => {
    for (let serial = 0; !stop.now; serial++) {
      try {
        const response = await fetch(`${base}/api/v1/registry/imports?filename=crash-${cycle}-${serial}.csv`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'text/csv' },
          body: csvOf(cycle, serial),
        });
        if (response.status === 201) {
          const id = ((await response.json()) as { id: number }).id;
          world.imports.add(id);
          world.highestImport = Math.max(world.highestImport, id);
          world.writes += 1;
        }
      } catch {
        return;
      }
    }
  };
  await Promise.all([accounts(1), accounts(2), accounts(3), imports()]);
}

async function loop(engine: 'embedded' | 'postgres', cycles: number): Promise<{ writes: number; problems: string[] }> {
  const scratch = await scratchEnvironment('crash', { postgres: engine === 'postgres', adminPassword, jobs: false });
  const env = scratch.env;
  const world: World = { users: new Set(), imports: new Set(), highestImport: 0, writes: 0 };
  const problems: string[] = [];
  try {
    for (let cycle = 1; cycle <= cycles + 1; cycle++) {
      const server = await startServer(env);
      const cookie = await signIn(server.base, adminPassword);
      const found = await check(server.base, cookie, world);
      problems.push(...found.map((problem) => `${engine} cycle ${cycle}: ${problem}`));
      if (cycle > cycles) {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
        break;
      }
      const stop = { now: false };
      const writing = writeUntil(server.base, cookie, world, cycle, stop);
      const killAfter = 1000 + Math.random() * 3000;
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      await kill(server);
      stop.now = true;
      await writing;
      console.log(
        `${engine} cycle ${cycle}: killed after ${Math.round(killAfter)} ms; ${world.writes} acknowledged writes so far` +
          ` (${world.users.size} accounts, ${world.imports.size} imports of ${importRows} rows); ${found.length} problem(s) on restart`,
      );
    }
  } finally {
    await scratch.dispose();
  }
  return { writes: world.writes, problems };
}

const results = [];
if (embeddedCycles > 0) results.push({ engine: 'embedded', cycles: embeddedCycles, ...(await loop('embedded', embeddedCycles)) });
if (pgCycles > 0) results.push({ engine: 'postgres', cycles: pgCycles, ...(await loop('postgres', pgCycles)) });
let failed = 0;
for (const result of results) {
  console.log(
    `${result.engine}: ${result.cycles} kill -9 cycles, ${result.writes} acknowledged writes, ${result.problems.length} problem(s)`,
  );
  for (const problem of result.problems) console.log(`  ${problem}`);
  if (result.problems.length) failed += 1;
}
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
