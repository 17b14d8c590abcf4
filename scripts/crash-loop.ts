// Crash loops: the real server (bin/zhijian.js start) is killed with SIGKILL at a random moment while clients
// write — accounts created one by one, spreadsheet imports of many rows, a pharmacy POS posting buyer registrations
// in batches — then started again on the same data. After every restart: each acknowledged write is there, no import
// is half applied (a batch has all its rows or does not exist), the POS batches that got no answer are sent again and
// apply nothing twice (idempotency keys), and the audit chain verifies. Embedded database and PostgreSQL; traffic only
// to 127.0.0.1.
//
//   npm run crash-loop                 10 cycles on the embedded database, 5 on PostgreSQL (127.0.0.1:5432)
//   npm run crash-loop -- --ci         3 and 2: what .ci/run runs
//   npm run crash-loop -- --embedded-cycles N --pg-cycles M
import { parseArgs } from 'node:util';
import pino from 'pino';
import { parseConfig } from '../server/config.ts';
import { openPlatform } from '../server/main.ts';
import { createUser } from '../server/platform/accounts/accounts.service.ts';
import { bootstrapDeployment } from '../server/platform/accounts/bootstrap.ts';
import { systemContext } from '../server/platform/http/context.ts';
import { street } from '../server/platform/org/org.tables.ts';
import { creditCodeCheckCharacter, organisationCodeCheckCharacter } from '../shared/credit-code.ts';
import { kill, scratchEnvironment, signIn, startServer } from './server-process.ts';

const { values } = parseArgs({
  options: { ci: { type: 'boolean' }, 'embedded-cycles': { type: 'string' }, 'pg-cycles': { type: 'string' } },
});
const embeddedCycles = Number(values['embedded-cycles'] ?? (values.ci ? 3 : 10));
const pgCycles = Number(values['pg-cycles'] ?? (values.ci ? 2 : 5));
const adminPassword = 'Crash-Loop-Admin-2026!';
const importRows = 40;
const posBatchRows = 25;
const operatorPassword = 'Crash-Loop-Pharmacy-2026!';

interface World {
  /** Accounts whose creation was answered 201. */
  users: Set<string>;
  /** Import batches whose upload was answered 201. */
  imports: Set<number>;
  highestImport: number;
  writes: number;
  /** The POS key of the loop's pharmacy, made after the first start. */
  posKey: string;
  /** Registration keys the POS got an answer for (created or duplicate). */
  posAcknowledged: Set<string>;
  /** POS batches sent that got no answer before the kill: sent again after the restart. */
  posUnanswered: Record<string, unknown>[][];
  /** The last answered batch: sent again after each restart, and must come back all duplicates. */
  posLastAnswered: Record<string, unknown>[] | null;
  /** Unanswered batches sent again after a restart, over all cycles. */
  posResent: number;
}

interface PosResult {
  created: number;
  duplicates: number;
  rejected: number;
  rows: { key: string; status: string }[];
}

async function postPos(base: string, key: string, rows: Record<string, unknown>[]): Promise<PosResult> {
  const response = await fetch(`${base}/api/v1/pharmacies/pos/registrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  if (response.status !== 200) throw new Error(`POS batch: ${response.status} ${await response.text()}`);
  return (await response.json()) as PosResult;
}

function posBatch(cycle: number, serial: number): Record<string, unknown>[] {
  return Array.from({ length: posBatchRows }, (_, row) => ({
    key: `c${cycle}-b${serial}-r${row}`,
    buyerName: '陈小明',
    idKind: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13912345678',
    address: '中山路1号',
    temperature: row % 5 === 0 ? 38.2 : 36.6,
    symptoms: row % 5 === 0 ? ['fever'] : [],
    medicineClass: 'antipyretic',
    quantity: 1,
    isForOther: false,
    travelHistory: '',
    hasContactHistory: false,
  }));
}

/**
 * Before the first start: the deployment's district gets a street and a pharmacy operator's account (a district
 * without the demo has neither, and no route makes streets). The pharmacy and its POS key are made through the routes.
 */
async function prepareDistrict(env: Record<string, string>): Promise<void> {
  const config = parseConfig(env);
  const platform = await openPlatform(config, pino({ level: 'warn' }));
  try {
    const ctx = systemContext(platform, 'crash-loop');
    await bootstrapDeployment(ctx, config);
    await ctx.db.insert(street).values({
      districtCode: config.ZHIJIAN_DISTRICT_CODE,
      code: `${config.ZHIJIAN_DISTRICT_CODE}001`,
      name: '街道1',
      nameEn: 'Street 1',
    });
    await createUser(ctx, {
      districtCode: config.ZHIJIAN_DISTRICT_CODE,
      username: 'crash.pharmacy',
      displayName: '崩溃测试药店',
      roles: ['operator'],
      orgUnitId: null,
      passwordOverride: operatorPassword,
    });
  } finally {
    await platform.database.close();
  }
}

async function makePosKey(base: string, adminCookie: string, districtCode: string): Promise<string> {
  const json = async (response: Response) => {
    if (response.status >= 300) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const send = (cookie: string, method: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
  const organisation = 'MA2H3K4P';
  const first17 = `91${districtCode}${organisation}${organisationCodeCheckCharacter(organisation)}`;
  const pharmacy = await send(adminCookie, 'POST', '/api/v1/entities', {
    creditCode: first17 + creditCodeCheckCharacter(first17),
    name: '崩溃测试大药房',
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '药店路1号',
    streetCode: `${districtCode}001`,
    businessCategory: 'pharmacy',
  });
  const users = (await (await fetch(`${base}/api/v1/users?q=crash.pharmacy`, { headers: { cookie: adminCookie } })).json()) as {
    items: { id: number; username: string }[];
  };
  const operator = users.items.find((user) => user.username === 'crash.pharmacy');
  if (!operator) throw new Error('the crash-loop operator account is missing');
  await send(adminCookie, 'PATCH', `/api/v1/users/${operator.id}`, { entityIds: [pharmacy.id] });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'crash.pharmacy', password: operatorPassword }),
  });
  if (!login.ok) throw new Error(`operator sign-in: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const made = await send(cookie, 'POST', '/api/v1/pharmacies/pos-keys', { pharmacyId: pharmacy.id, label: '收银机' });
  return String(made.key);
}

/**
 * After a restart: the batches that got no answer are sent again (each row comes back created — it was lost
 * unacknowledged — or duplicate — it was committed before the kill), the last answered batch again (all duplicates),
 * and then the pharmacy holds exactly one registration per acknowledged key: nothing acknowledged lost, nothing twice.
 */
async function checkPos(base: string, cookie: string, world: World): Promise<string[]> {
  const problems: string[] = [];
  if (!world.posKey) return problems;
  for (const batch of world.posUnanswered) {
    const answer = await postPos(base, world.posKey, batch);
    if (answer.rejected) problems.push(`a POS batch sent again was rejected: ${JSON.stringify(answer.rows)}`);
    for (const row of answer.rows) world.posAcknowledged.add(row.key);
    world.posResent += 1;
  }
  world.posUnanswered = [];
  if (world.posLastAnswered) {
    const again = await postPos(base, world.posKey, world.posLastAnswered);
    if (again.duplicates !== world.posLastAnswered.length)
      problems.push(`an acknowledged POS batch sent again applied ${again.created} row(s) a second time`);
  }
  const listed = (await (await fetch(`${base}/api/v1/pharmacies/registrations?pageSize=1`, { headers: { cookie } })).json()) as {
    total: number;
  };
  if (listed.total !== world.posAcknowledged.size)
    problems.push(`the pharmacy holds ${listed.total} registrations for ${world.posAcknowledged.size} acknowledged keys`);
  return problems;
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
  const pos = async () => {
    for (let serial = 0; !stop.now && world.posKey; serial++) {
      const batch = posBatch(cycle, serial);
      world.posUnanswered.push(batch);
      try {
        const answer = await postPos(base, world.posKey, batch);
        world.posUnanswered = world.posUnanswered.filter((sent) => sent !== batch);
        for (const row of answer.rows) world.posAcknowledged.add(row.key);
        world.posLastAnswered = batch;
        world.writes += 1;
      } catch {
        return;
      }
    }
  };
  await Promise.all([accounts(1), accounts(2), accounts(3), imports(), pos()]);
}

async function loop(engine: 'embedded' | 'postgres', cycles: number): Promise<{ writes: number; problems: string[] }> {
  const scratch = await scratchEnvironment('crash', { postgres: engine === 'postgres', adminPassword, jobs: false });
  const env = scratch.env;
  const world: World = {
    users: new Set(),
    imports: new Set(),
    highestImport: 0,
    writes: 0,
    posKey: '',
    posAcknowledged: new Set(),
    posUnanswered: [],
    posLastAnswered: null,
    posResent: 0,
  };
  const problems: string[] = [];
  try {
    await prepareDistrict(env);
    for (let cycle = 1; cycle <= cycles + 1; cycle++) {
      const server = await startServer(env);
      const cookie = await signIn(server.base, adminPassword);
      if (!world.posKey) world.posKey = await makePosKey(server.base, cookie, parseConfig(env).ZHIJIAN_DISTRICT_CODE);
      const found = [...(await check(server.base, cookie, world)), ...(await checkPos(server.base, cookie, world))];
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
          ` (${world.users.size} accounts, ${world.imports.size} imports of ${importRows} rows, ${world.posAcknowledged.size} POS registrations, ${world.posResent} unanswered POS batches sent again);` +
          ` ${found.length} problem(s) on restart`,
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
