import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, specialEquipmentThirdPartyRoles } from '../shared/roles.ts';
import { buildApp, registeredRoutes } from './app.ts';
import { queryRows } from './db/client.ts';
import { createUser } from './platform/accounts/accounts.service.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import type { AppInstance } from './platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from './test/factories.ts';
import { type FuzzOperation, type FuzzRequest, faultOf, operationsOf, requestsFor } from './test/openapi-fuzz.ts';
import type { ScopeProbe } from './test/scope-probe.ts';
import { scopeProbes } from './test/scope-probes.ts';
import { apiCaller } from './test/sign-in.ts';
import { type TestPlatform, testPlatform } from './test/test-platform.ts';

/**
 * Every operation of the OpenAPI document, and every public page, gets generated requests — fitting and breaking
 * values (server/test/openapi-fuzz.ts) — as a user of a role the route admits. No answer may be a 500, a 4xx that is
 * not problem+json, a value only the database caught, or a spreadsheet cut short. A fixed seed here;
 * `npm run fuzz -- --long` runs many more (docs/benchmarks.md).
 */
const runsPerOperation = Number(process.env.ZHIJIAN_FUZZ_RUNS ?? 12);
const seed = Number(process.env.ZHIJIAN_FUZZ_SEED ?? 20_261_213);

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
let marketManager: string;
/** The special-equipment expert, inspection body and maintenance unit (decision 0028). */
const thirdParties: [Role, string][] = [];
let victimUserId: number;
const call = apiCaller(() => app);
const loggedErrors: string[] = [];

beforeAll(async () => {
  platform = await testPlatform();
  // The server's own account of an unexpected error goes beside the request that caused it.
  app = await buildApp(platform, {
    logger: { level: 'error', stream: { write: (line: string) => void loggedErrors.push(line) } },
  });
  await app.ready();
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  const extra = async (username: string, roles: Role[]) =>
    (
      await createUser(home.ctx, {
        districtCode: home.code,
        username,
        displayName: username,
        roles,
        orgUnitId: null,
        passwordOverride: testPassword,
      })
    ).user;
  marketManager = (await extra(`market-${home.code}`, ['market_manager'])).username;
  for (const role of ['market_testing_room', 'market_organiser'] as const)
    thirdParties.push([role, (await extra(`${role.replaceAll('_', '-')}-${home.code}`, [role])).username]);
  for (const role of specialEquipmentThirdPartyRoles) thirdParties.push([role, (await extra(`${role}-${home.code}`, [role])).username]);
  victimUserId = (await extra(`victim-${home.code}`, ['inspector'])).id;
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

let passwordHash: string | undefined;
let isDisturbed = false;

/** Fuzzed requests lock, disable, reset and sign out the fuzzing users: put them back as they were. */
async function restoreUsers() {
  if (!isDisturbed) return;
  isDisturbed = false;
  passwordHash ??= await hashPassword(testPassword);
  await queryRows(
    platform.database.db,
    sql`update app_user set failed_logins = 0, locked_until = null, is_disabled = false, must_change_password = false,
          password_hash = ${passwordHash} where district_code = ${home.code}`,
  );
  call.signOutAll();
}

function usersFor(roles: readonly Role[] | undefined): (string | undefined)[] {
  if (roles === undefined) return [undefined];
  const everyone: [Role, string][] = [
    ['admin', home.users.admin.username],
    ['leader', home.users.leader.username],
    ['section', home.users.section.username],
    ['inspector', home.users.inspector1.username],
    ['operator', home.users.operator.username],
    ['lab', home.users.lab.username],
    ['market_manager', marketManager],
    ...thirdParties,
  ];
  const fitting = everyone.filter(([role]) => roles.length === 0 || roles.includes(role)).map(([, username]) => username);
  return fitting.length ? fitting : [home.users.admin.username];
}

/** Routes with no OpenAPI entry that a person still reaches: the public pages. */
function hiddenOperations(documented: Set<string>): FuzzOperation[] {
  return registeredRoutes(app)
    .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
    .filter((route) => /^\/(api|p|public)\//.test(route.url) && !route.url.startsWith('/api/docs'))
    .filter((route) => !documented.has(`${route.method} ${route.url}`))
    .map((route) => ({
      method: route.method,
      url: route.url,
      pathParams: [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({ name: match[1] as string, schema: { type: 'string' } })),
      queryParams: [{ name: 'lang', schema: { enum: ['en', 'zh-CN'] }, required: false }],
    }));
}

async function send(request: FuzzRequest, username: string | undefined) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (username) headers.cookie = await call.cookieOf(username);
  if (request.contentType) headers['content-type'] = request.contentType;
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    remoteAddress: `127.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  const contentType = String(response.headers['content-type'] ?? '');
  const problem =
    contentType.includes('json') && response.statusCode >= 400 ? (response.json() as { code?: string; errors?: unknown[] }) : {};
  const namesField = Boolean(problem.errors?.length);
  return { url: request.url, status: response.statusCode, contentType, code: problem.code, namesField, body: response.rawPayload };
}

describe('fuzzing every operation from the OpenAPI document', () => {
  it(`answers no generated request (${runsPerOperation} per operation, seed ${seed}) with a 500 or a non-problem error`, async () => {
    const document = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const documented = operationsOf(document);
    const operations = [...documented, ...hiddenOperations(new Set(documented.map((op) => `${op.method} ${op.url}`)))];
    expect(documented.length).toBeGreaterThan(150);
    const probes = new Map<string, ScopeProbe>(scopeProbes.map((probe) => [probe.route, probe]));
    const faults: string[] = [];
    const statuses = new Map<number, number>();
    const withoutObject: string[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      await restoreUsers();
      const route = `${operation.method} ${operation.url}`;
      const pool = new Map<string, unknown[]>();
      let template: unknown;
      const probe = probes.get(route);
      if (operation.url.startsWith('/api/v1/users/:id')) pool.set('id', [victimUserId]);
      else if (probe) {
        // Earlier fuzzed requests may have changed what a probe relies on (a checklist, a rule table): without
        // its object the operation is still fuzzed, with generated ids.
        try {
          const made = await probe.setup({ home, other, call });
          pool.set('id', [made.id]);
          template = made.body;
        } catch (error) {
          withoutObject.push(`${route}: ${(error as Error).message.slice(0, 120)}`);
        }
        isDisturbed = true;
        await restoreUsers();
      }
      const roles = registeredRoutes(app).find((entry) => entry.method === operation.method && entry.url === operation.url)?.roles;
      const users = usersFor(roles);
      const requests = fc.sample(requestsFor(operation, pool, template), { numRuns: runsPerOperation, seed: seed + index });
      for (const [n, request] of requests.entries()) {
        const username = users[n % users.length];
        loggedErrors.length = 0;
        const answer = await send(request, username);
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // A refused session, or a request to sign-in routes (logout ends the session the cookie cache still holds).
        if ((answer.status === 401 && username) || operation.url.startsWith('/api/v1/auth/')) isDisturbed = true;
        const fault = faultOf(answer);
        if (fault) {
          const shown = typeof request.payload === 'string' ? request.payload.slice(0, 300) : `${request.payload?.length ?? 0} bytes`;
          const logged = loggedErrors.map((line) => (JSON.parse(line) as { err?: { message?: string } }).err?.message).filter(Boolean);
          faults.push(
            `${route} → ${fault}${answer.code ? ` (${answer.code})` : ''}: ${request.method} ${request.url.slice(0, 200)} ${shown}${logged.length ? ` — ${logged.join('; ').slice(0, 300)}` : ''}`,
          );
        }
      }
    }
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    if (withoutObject.length) console.log(`fuzz: fuzzed without a real object: ${withoutObject.join(' | ')}`);
    console.log(
      `fuzz: ${sent} requests over ${operations.length} operations (${documented.length} documented), ${faults.length} faults; ${byStatus.join(' ')}`,
    );
    expect(faults).toEqual([]);
  }, 1_800_000);
});
