import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// Food safety on the demo district: an inspector on a phone inspects a due shop with a colleague of the same
// station, gets the result and the printable record on the spot, and the shop's grade follows; an operator on
// a phone sees their staff and the health-certificate warnings.
const inspector1 = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const inspector6 = { username: 'inspector6', password: 'Demo-Inspector6-2026' };
const operator1 = { username: 'operator1', password: 'Demo-Operator1-2026' };
const phone = { width: 390, height: 844 };

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

async function apiGet<T>(cookie: string, path: string): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('food safety', () => {
  test('an inspector on a phone completes an inspection with a co-inspector; the result, record and grade follow', async () => {
    const coInspector = await apiGet<{ id: number }>(await signInApi(inspector6), '/auth/me');
    const page = await harness.newPage(phone, { isMobile: true });
    await signIn(page, inspector1.username, inspector1.password);
    await page.goto('/food-safety/due');
    const firstInspect = page.locator('[data-testid^="inspect-"]').first();
    await firstInspect.waitFor();
    const entityId = Number((await firstInspect.getAttribute('data-testid'))?.replace('inspect-', ''));
    expect(entityId).toBeGreaterThan(0);
    await screenshot(page, 'food-safety-due-phone');
    await firstInspect.click();

    await page.getByTestId(`co-inspector-${coInspector.id}`).click();
    await page.getByTestId('all-pass').click();
    await page.getByTestId('item-0-partial').click();
    await expect.poll(async () => page.getByTestId('preview-outcome').textContent()).toBe('符合');
    await page.getByTestId('operator-signature').fill('店主王某');
    await screenshot(page, 'food-safety-inspect-phone');
    await page.getByTestId('submit-inspection').click();

    await expect.poll(async () => page.getByTestId('saved-outcome').textContent(), { timeout: 15_000 }).toBe('符合');
    const recordHref = await page.getByTestId('record-link').getAttribute('href');
    expect(recordHref).toMatch(/^\/api\/v1\/food-inspections\/\d+\/record$/);
    const record = await page.request.get(recordHref as string);
    expect(record.status()).toBe(200);
    expect(await record.text()).toContain('店主王某');
    await screenshot(page, 'food-safety-saved-phone');

    await page.getByTestId('shop-link').click();
    await expect.poll(async () => page.getByTestId('dynamic-grade').textContent()).toMatch(/优秀|良好/);
    await screenshot(page, 'food-safety-shop-phone');
  });

  test('an operator on a phone sees their shop staff and the certificate warnings', async () => {
    const cookie = await signInApi(operator1);
    const warnings = await apiGet<{ items: { entityId: number; handlerName: string }[] }>(
      cookie,
      '/health-certificate-warnings?pageSize=1',
    );
    const warned = warnings.items[0];
    expect(warned).toBeDefined();
    const page = await harness.newPage(phone, { isMobile: true });
    await signIn(page, operator1.username, operator1.password);
    await page.goto('/food-safety/shops');
    await page.getByTestId(`shop-${warned?.entityId}`).waitFor();
    await page.getByTestId(`shop-${warned?.entityId}`).getByRole('link').click();
    await page.locator('[data-testid^="staff-"]').first().waitFor();
    await page.getByTestId('certificate-warnings').waitFor();
    await page
      .getByTestId('certificate-warnings')
      .getByText(warned?.handlerName as string)
      .first()
      .waitFor();
    await screenshot(page, 'food-safety-operator-phone');
  });
});
