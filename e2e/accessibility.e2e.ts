import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, repoRoot, signIn, startHarness } from './harness.ts';

// WCAG 2.1 AA (GB/T 37668-2019 follows it): axe-core checks every page, staff and public, on a phone and a
// desktop, and any violation of an A or AA rule fails the test, naming the page, the rule and the elements.
const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const leader = { username: 'leader', password: 'Demo-Leader-2026' };
const section = { username: 'food.section', password: 'Demo-Section-2026' };
const inspector1 = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const admin = { username: 'demo.admin', password: 'Demo-Admin-2026' };
const operator1 = { username: 'operator1', password: 'Demo-Operator1-2026' };
const pharmacy1 = { username: 'pharmacy1', password: 'Demo-Pharmacy1-2026' };
const lab = { username: 'lab', password: 'Demo-Lab-2026!' };

let harness: Harness;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The A/AA violations axe finds on the page as it is now (after the page settled). */
async function violations(page: Page): Promise<Violation[]> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300); // antd's entrance animations end with their final colours
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  // A string, so the page's globals need no DOM types here; at most 5 elements per rule are reported.
  return page.evaluate<Violation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: (node.failureSummary ?? '').slice(0, 300) })),
    })))`);
}

const found: string[] = [];
async function check(page: Page, label: string): Promise<void> {
  for (const violation of await violations(page)) {
    if (process.env.E2E_AXE_LOG)
      console.log(`${label}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
    found.push(
      `${label}: ${violation.id} (${violation.impact}) ${violation.help}\n${violation.nodes
        .map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n')}`,
    );
  }
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  test('public pages and the sign-in pages, on a phone and a desktop', async () => {
    found.length = 0;
    const page = await harness.newPage(desktop);
    await signIn(page, leader.username, leader.password);
    const map = await apiJson<{ points: { entityId: number; colour: string | null }[] }>(page, '/api/v1/risk-code/map');
    const tokens: string[] = [];
    for (const colour of ['green', 'yellow', 'orange', 'red', 'black'])
      for (const point of map.points.filter((p) => p.colour === colour).slice(0, 1))
        tokens.push((await apiJson<{ token: string }>(page, `/api/v1/risk-code/entities/${point.entityId}`)).token);
    const listed = await apiJson<{ items: { creditCode: string }[] }>(page, '/api/v1/credit/abnormal-listings?pageSize=1');
    const pages = [
      '/login',
      '/register-operator',
      '/public/complaints/new',
      '/public/complaints/status',
      '/public/random-inspections',
      '/public/sampling',
      '/public/workshop-lists/330212',
      '/public/pharmacy-service-points/330212',
      ...tokens.map((token) => `/p/${token}`),
      ...listed.items.map((item) => `/public/credit/330212/${item.creditCode}`),
    ];
    for (const viewport of [phone, desktop]) {
      const visitor = await harness.newPage(viewport, { isMobile: viewport === phone });
      for (const path of pages) {
        await visitor.goto(path);
        await check(visitor, `${path} @${viewport.width}`);
      }
      // The complaint form with its error list shown.
      await visitor.goto('/public/complaints/new');
      await visitor.locator('form [required]').evaluateAll((elements) => {
        for (const element of elements) element.removeAttribute('required');
      });
      await visitor.locator('button[type="submit"]').click();
      await visitor.waitForLoadState();
      await check(visitor, `/public/complaints/new (errors) @${viewport.width}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 300_000);

  test('every staff page, on a desktop and on a phone', async () => {
    found.length = 0;
    const accounts: [typeof leader, string[]][] = [
      [
        leader,
        [
          '/',
          '/registry',
          '/registry/statistics',
          '/random-inspections',
          '/sampling',
          '/sampling/plans',
          '/sampling/statistics?year=2020',
          '/sampling/handling',
          '/complaints',
          '/complaints/statistics?from=2020-01-01&to=2020-12-31',
          '/cases',
          '/cases/statistics?from=2020-01-01&to=2020-12-31',
          '/food-safety/shops',
          '/food-safety/due',
          '/food-safety/station',
          '/food-safety/section',
          '/workshops',
          '/special-equipment',
          '/special-equipment/due',
          '/special-equipment/hazards',
          '/special-equipment/rates',
          '/special-equipment/operators',
          '/pharmacies/surveillance',
          '/pharmacies/status',
          '/pharmacies/service-points',
          '/pharmacies/attendance',
          '/pharmacies/supplies',
          '/credit',
          '/products',
          '/risk-code/map',
          '/risk-code/colour-table',
          '/reports/annual?year=2020',
          '/reports/inspector-consistency',
          '/dashboards/screens',
          '/no-such-page',
        ],
      ],
      [
        section,
        [
          '/registry/import',
          '/food-safety/applications',
          '/special-equipment/hazards/new',
          '/pharmacies/surveillance',
          '/pharmacies/counter',
        ],
      ],
      [pharmacy1, ['/pharmacies/counter', '/pharmacies/attendance', '/pharmacies/supplies']],
      [admin, ['/admin/users', '/admin/audit', '/admin/jobs']],
      [inspector1, ['/random-inspections/tasks', '/food-safety/due']],
      [operator1, ['/', '/food-safety/shops', '/sampling/handling', '/workshops', '/credit']],
      [lab, ['/sampling/lab']],
    ];
    for (const viewport of [desktop, phone]) {
      for (const [account, paths] of accounts) {
        const page = await harness.newPage(viewport, { isMobile: viewport === phone });
        await signIn(page, account.username, account.password);
        const details: string[] = [];
        if (account === leader) {
          const entities = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/entities?pageSize=1');
          const cases = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/cases?pageSize=1');
          const complaints = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/complaints?pageSize=1');
          const samples = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/sampling/samples?pageSize=1');
          const shops = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/entities?category=catering&pageSize=1');
          const plans = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/random-inspections/plans?year=2020');
          const plan = await apiJson<{ draws: { id: number }[] }>(page, `/api/v1/random-inspections/plans/${plans.items[0]?.id}`);
          const tasks = await apiJson<{ items: { id: number }[] }>(page, '/api/v1/random-inspections/tasks?pageSize=1');
          details.push(
            `/registry/entities/${entities.items[0]?.id}`,
            `/cases/${cases.items[0]?.id}`,
            `/complaints/${complaints.items[0]?.id}`,
            `/sampling/samples/${samples.items[0]?.id}`,
            `/food-safety/shops/${shops.items[0]?.id}`,
            `/risk-code/entities/${shops.items[0]?.id}`,
            `/random-inspections/plans/${plans.items[0]?.id}`,
            `/random-inspections/draws/${plan.draws[0]?.id}`,
            `/random-inspections/tasks/${tasks.items[0]?.id}`,
          );
        }
        if (account === inspector1) {
          const due = await apiJson<{ items: { entityId: number }[] }>(page, '/api/v1/food-safety-due?state=due&pageSize=1');
          details.push(`/food-safety/inspect/${due.items[0]?.entityId}`);
        }
        for (const path of [...paths, ...details]) {
          await page.goto(path);
          await page.locator('main, .ant-result, [data-testid="home-welcome"]').first().waitFor();
          await check(page, `${account.username} ${path} @${viewport.width}`);
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 900_000);
});
