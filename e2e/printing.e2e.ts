import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, signIn, startHarness } from './harness.ts';

// Pages meant to be printed, rendered to PDF by Chromium: the inspection record keeps its result column on one
// line and each drawn signature with its caption; a case page prints without the menu and with its whole step bar.
const inspector1 = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const inspector6 = { username: 'inspector6', password: 'Demo-Inspector6-2026' };
const leader = { username: 'leader', password: 'Demo-Leader-2026' };
/** A 2×2 PNG standing in for a drawn signature. */
const signaturePng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM4YaOhUXGC4cOdALkFNgAnyAWrOGhoKgAAAABJRU5ErkJggg==';

let harness: Harness;

async function signInApi(user: { username: string; password: string }): Promise<string> {
  const login = await fetch(`${harness.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!login.ok) throw new Error(`login ${user.username}: ${login.status} ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function api<T>(cookie: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Pages in a PDF made by Chromium (each page object is "/Type /Page", the tree "/Type /Pages"). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('printing', () => {
  test('the inspection record: "符合" on one line in its column, the drawn signature kept with its caption, one PDF', async () => {
    const cookie = await signInApi(inspector1);
    const me = await api<{ id: number }>(cookie, '/auth/me');
    const colleague = await api<{ id: number }>(await signInApi(inspector6), '/auth/me');
    const due = await api<{ items: { entityId: number }[] }>(cookie, '/food-safety-due?state=due&pageSize=5');
    const templates = await api<{ items: { id: number; isDefault: boolean; items: { id: number }[] }[] }>(cookie, '/inspection-templates');
    const template = templates.items.find((row) => row.isDefault) ?? (templates.items[0] as (typeof templates.items)[number]);
    const saved = await api<{ id: number }>(cookie, '/food-inspections', {
      entityId: due.items[1]?.entityId,
      templateId: template.id,
      kind: 'routine',
      inspectorIds: [me.id, colleague.id],
      answers: template.items.map((item) => ({ itemId: item.id, result: 'pass' })),
      inspectorSignature: '检查员一',
      operatorSignature: '店主',
      inspectorSignatureImage: signaturePng,
      operatorSignatureImage: signaturePng,
    });
    const page = await harness.newPage({ width: 1280, height: 900 });
    await signIn(page, inspector1.username, inspector1.password);
    await page.goto(`/api/v1/food-inspections/${saved.id}/record`);
    await page.emulateMedia({ media: 'print' });
    // Each result cell's words are one line box.
    const lineCounts = await page.evaluate<number[]>(`[...document.querySelectorAll('td.result')].map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    })`);
    expect(lineCounts.length).toBe(template.items.length);
    expect(lineCounts.every((count) => count === 1)).toBe(true);
    // The signature block never splits between pages: the caption and its drawing stay together.
    const breaks = await page.evaluate<string[]>(
      "[...document.querySelectorAll('.sign, .sign > div')].map((element) => getComputedStyle(element).breakInside)",
    );
    expect(breaks.length).toBeGreaterThanOrEqual(3);
    expect(breaks.every((value) => value === 'avoid')).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
  });

  test('a case page prints its content only, full width, with the whole step bar', async () => {
    const page = await harness.newPage({ width: 1280, height: 900 });
    await signIn(page, leader.username, leader.password);
    const cases = (await (await page.request.get('/api/v1/cases?pageSize=1')).json()) as { items: { id: number }[] };
    await page.goto(`/cases/${cases.items[0]?.id}`);
    await page.locator('.ant-steps').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    // Nothing of the step bar is cut: it is no wider than its box, and its last step lies within the page.
    const steps = await page.evaluate<{ scroll: number; client: number; lastRight: number; page: number }>(`(() => {
      const bar = document.querySelector('.ant-steps');
      const items = bar.querySelectorAll('.ant-steps-item');
      return { scroll: bar.scrollWidth, client: bar.clientWidth, lastRight: items[items.length - 1].getBoundingClientRect().right, page: document.documentElement.clientWidth };
    })()`);
    expect(steps.scroll).toBeLessThanOrEqual(steps.client + 1);
    expect(steps.lastRight).toBeLessThanOrEqual(steps.page);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
