import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { insertTestEntities } from './random-inspections.probes.ts';
import type { DrawDocument } from './rules/draw-inspection-sample.ts';
import { verifyDrawDocument } from './verifier/draw-verifier.js';
import { verifyDrawFile } from './verifier/verify-command.ts';

let platform: TestPlatform;
let app: AppInstance;
let district: TestDistrict;
const cookies: Record<string, string> = {};
const base = '/api/v1/random-inspections';

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  cookies[user] ??= await signIn(app, district.users[user].username);
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  return {
    status: response.statusCode,
    body: response.body ? (JSON.parse(response.body) as Record<string, unknown> & { [key: string]: never }) : {},
  };
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  district = await createTestDistrict(platform);
  await insertTestEntities(district.ctx.db, district, 12);
  await insertTestEntities(district.ctx.db, district, 12, { streetCode: district.stations[1].streetCode });
}, 60_000);
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('random inspections over HTTP', () => {
  let planId: number;
  let drawId: number;

  it('keeps the inspector directory: certificates are recorded by section staff, bad dates are named', async () => {
    for (const [index, user] of (['inspector1', 'inspector2'] as const).entries()) {
      const response = await call('section', 'PUT', `${base}/inspectors/${district.users[user].id}`, {
        certificateNo: `ZJ10${index}`,
        validFrom: '2024-01-01',
        validUntil: '2029-12-31',
        department: '区市场监管局',
        isInPool: true,
      });
      expect(response.status).toBe(200);
      expect(response.body.isEligibleToday).toBe(true);
    }
    const bad = await call('section', 'PUT', `${base}/inspectors/${district.users.inspector1.id}`, {
      certificateNo: 'ZJ100',
      validFrom: '2024-01-01',
      validUntil: '2023-12-31',
      department: 'x',
      isInPool: true,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('validUntil');
    expect((await call('inspector1', 'GET', `${base}/inspectors`)).status).toBe(403);
  });

  it('rejects a plan naming every bad field, then creates one', async () => {
    const matter = await call('section', 'POST', `${base}/matters`, {
      code: 'SJ-1',
      name: '营业执照规范使用情况的检查',
      basis: '',
      matterType: 'general',
      department: '区市场监管局',
    });
    expect(matter.status).toBe(201);
    const body = {
      code: 'P-2026-1',
      title: '2026年度抽查',
      kind: 'yearly',
      year: 2026,
      periodStart: '2026-03-02',
      periodEnd: '2026-11-30',
      departments: ['区市场监管局', '区卫生健康局'],
      population: { category: 'catering' },
      strata: [{ key: 'all', label: '全部', creditClasses: ['A', 'B', 'C', 'D'], count: 4 }],
      inspectorsPerTask: 2,
      matterIds: [matter.body.id],
    };
    const bad = await call('section', 'POST', `${base}/plans`, { ...body, inspectorsPerTask: 1, kind: 'weekly', extra: 1 });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as unknown as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['extra', 'inspectorsPerTask', 'kind']);
    const both = await call('section', 'POST', `${base}/plans`, { ...body, strata: [{ ...body.strata[0], permille: 10 }] });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('strata.0.count');
    const created = await call('section', 'POST', `${base}/plans`, body);
    expect(created.status).toBe(201);
    planId = created.body.id as unknown as number;
  });

  it('runs the ceremony commit → seed → draw → publish, in order only', async () => {
    const committed = await call('section', 'POST', `${base}/plans/${planId}/draws`, {
      seedAnnouncement: 'drand quicknet round 9000000 + dice',
    });
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ status: 'committed', objectCount: 24, inspectorCount: 2 });
    drawId = committed.body.id as unknown as number;
    expect((await call('section', 'POST', `${base}/draws/${drawId}/run`)).status).toBe(409);
    // The commitment and inputs are public before the seed exists.
    const before = await app.inject({ method: 'GET', url: `/public/draws/${district.code}-${drawId}/verification.json` });
    expect(JSON.parse(before.body)).toMatchObject({ commitment: committed.body.commitment, seed: null, result: null });
    expect(
      (
        await call('section', 'POST', `${base}/draws/${drawId}/seed`, {
          components: [
            { source: 'drand', value: 'abc123' },
            { source: 'dice', value: '08772473296991897540' },
          ],
        })
      ).body.status,
    ).toBe('seeded');
    expect((await call('section', 'POST', `${base}/draws/${drawId}/run`)).body).toMatchObject({ status: 'drawn', taskCount: 4 });
    // Drawn but not published: inspectors see nothing yet.
    expect((await call('inspector1', 'GET', `${base}/tasks?mine=true`)).body.total).toBe(0);
    expect((await call('section', 'POST', `${base}/draws/${drawId}/publish`)).body.status).toBe('published');
  });

  it('publishes a document the standalone verifier and `zhijian draw verify` reproduce, and that fails once altered', async () => {
    const response = await app.inject({ method: 'GET', url: `/public/draws/${district.code}-${drawId}/verification.json` });
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(response.body) as DrawDocument;
    expect(document.result?.tasks).toHaveLength(4);
    expect(verifyDrawDocument(document).ok).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'draw-'));
    const lines: string[] = [];
    writeFileSync(join(folder, 'draw.json'), response.body);
    expect(await verifyDrawFile(join(folder, 'draw.json'), (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toBe('The draw is reproduced exactly.');
    const altered = structuredClone(document);
    (altered.result?.tasks[0] as { object: string }).object = 'forged';
    writeFileSync(join(folder, 'forged.json'), JSON.stringify(altered));
    expect(await verifyDrawFile(join(folder, 'forged.json'), () => undefined)).toBe(1);
  });

  it('puts tasks on the drawn inspectors’ phones; they record a result per matter; staff publish it', async () => {
    const mine = await call('inspector1', 'GET', `${base}/tasks?mine=true`);
    expect(mine.body.total).toBe(4); // two inspectors in the pool, two per task: both go everywhere
    const task = (mine.body.items as unknown as { id: number }[])[0] as { id: number };
    const detail = await call('inspector1', 'GET', `${base}/tasks/${task.id}`);
    const matters = detail.body.matters as unknown as { matterId: number }[];
    const incomplete = await call('inspector1', 'POST', `${base}/tasks/${task.id}/result`, {
      inspectedOn: '2026-03-02',
      results: [{ matterId: 999_999, outcome: 'no_problem', note: '' }],
      followUpType: 'none',
      followUpNote: '',
    });
    expect(incomplete.status).toBe(400);
    expect(JSON.stringify(incomplete.body)).toContain('results.0.matterId');
    const recorded = await call('inspector1', 'POST', `${base}/tasks/${task.id}/result`, {
      inspectedOn: '2026-03-02',
      results: matters.map((matter) => ({ matterId: matter.matterId, outcome: 'problem_handled', note: '责令改正' })),
      followUpType: 'rectification',
      followUpNote: '限期7日整改',
    });
    expect(recorded.status).toBe(200);
    // 20 working days after Monday 2026-03-02.
    expect(recorded.body).toMatchObject({
      status: 'done',
      result: 'problem_handled',
      followUpType: 'rectification',
      publishDue: '2026-03-30',
    });
    expect((await call('inspector1', 'POST', `${base}/tasks/${task.id}/publish`)).status).toBe(403);
    expect((await call('section', 'POST', `${base}/tasks/${task.id}/publish`)).body.publishedAt).toBeTruthy();
    const page = await app.inject({ method: 'GET', url: `/public/random-inspections?district=${district.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('发现问题已责令改正');
    expect(page.body).toContain('P-2026-1');
    expect(page.body).not.toContain('<script');
  });

  it('serves the standalone verifier page with its script as separate files', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/draws/verify?ref=${district.code}-${drawId}` });
    expect(page.body).toContain('<script type="module" src="/public/draws/verify-page.js"></script>');
    const script = await app.inject({ method: 'GET', url: '/public/draws/draw-verifier.js' });
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('export function verifyDrawDocument');
    const drawPage = await app.inject({ method: 'GET', url: `/public/draws/${district.code}-${drawId}?lang=en` });
    expect(drawPage.body).toContain('Verify this draw');
    expect((await app.inject({ method: 'GET', url: '/public/draws/000000-1' })).statusCode).toBe(404);
  });
});
