import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The inspector's app installs and starts offline: opened once at the office, it starts in a basement without a
// signal, opens the inspection form, and queues the inspection, which arrives exactly once when back online.
// A page whose code cannot be fetched shows an error page in the user's language with a way back.
const inspector1 = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const inspector6 = { username: 'inspector6', password: 'Demo-Inspector6-2026' };
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

describe('the inspector app offline', () => {
  test('is installable: a manifest with name, start page, standalone display and icons, and a service worker', async () => {
    const page = await harness.newPage(phone, { isMobile: true });
    await page.goto('/login');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.json');
    const manifest = (await (await fetch(`${harness.baseUrl}${href}`)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ short_name: '智监', start_url: '/', display: 'standalone', lang: 'zh-CN' });
    expect((manifest.icons as unknown[]).length).toBeGreaterThanOrEqual(1);
    for (const icon of manifest.icons as { src: string }[]) expect((await fetch(`${harness.baseUrl}${icon.src}`)).status).toBe(200);
    await expect
      .poll(async () => page.evaluate<string>("navigator.serviceWorker.getRegistration().then((r) => r?.active?.state ?? 'none')"), {
        timeout: 30_000,
      })
      .toBe('activated');
  });

  test('opened once online, it starts offline, opens the inspection form from the due list and queues it; it arrives once', async () => {
    const coInspector = await apiGet<{ id: number }>(await signInApi(inspector6), '/auth/me');
    const station = await signInApi(inspector1);
    const page = await harness.newPage(phone, { isMobile: true });
    await signIn(page, inspector1.username, inspector1.password);
    await page.goto('/food-safety/due');
    // Once the worker controls the page, a reload lets it keep the due list and what the forms need.
    await expect.poll(async () => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), { timeout: 30_000 }).toBe(true);
    await page.reload();
    const lastInspect = page.locator('[data-testid^="inspect-"]').last();
    await lastInspect.waitFor();
    const entityId = Number((await lastInspect.getAttribute('data-testid'))?.replace('inspect-', ''));
    const before = await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`);
    // Let the prefetch of the listed shops' grades and the templates finish while online.
    await expect
      .poll(async () =>
        page.evaluate<string>(
          "caches.open('zhijian-field-data').then((cache) => cache.keys()).then((keys) => keys.map((request) => request.url).join(' '))",
        ),
      )
      .toContain(`/api/v1/food-safety-grades/${entityId}`);

    // In the basement: no network at all. The app starts from scratch (a new tab) and the form opens.
    await page.context().setOffline(true);
    const basement = await page.context().newPage();
    await basement.goto('/food-safety/due');
    await basement.locator(`[data-testid="inspect-${entityId}"]`).click();
    await basement.getByTestId('submit-inspection').waitFor();
    expect(await basement.getByTestId('route-error').count()).toBe(0);
    await basement.getByTestId(`co-inspector-${coInspector.id}`).click();
    await basement.getByTestId('all-pass').click();
    await basement.getByTestId('operator-signature').fill('店主钱某');
    await basement.getByTestId('submit-inspection').click();
    await expect.poll(async () => basement.getByTestId('outbox-state').getAttribute('data-state')).toBe('queued');
    await screenshot(basement, 'offline-started-and-queued-phone');
    expect((await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`)).total).toBe(before.total);

    await page.context().setOffline(false);
    await expect.poll(async () => basement.getByTestId('saved-outcome').textContent(), { timeout: 30_000 }).toBe('符合');
    expect((await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`)).total).toBe(before.total + 1);
  });

  test("a page whose code cannot be fetched shows an error page in the user's language with a way back", async () => {
    // No service worker here: the page's chunk is simply unreachable, as for a phone offline before its first visit.
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      viewport: phone,
      isMobile: true,
      serviceWorkers: 'block',
    });
    try {
      const page = await context.newPage();
      await signIn(page, inspector1.username, inspector1.password);
      await context.route(/\/assets\/due-list\.page-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
      await page.goto('/food-safety/due');
      await page.getByTestId('route-error').waitFor();
      const text = (await page.getByTestId('route-error').textContent()) ?? '';
      expect(text).toContain('页面未能打开');
      expect(text).not.toMatch(/Unexpected Application Error|dynamically imported module/);
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.getByTestId('home-welcome').waitFor();
    } finally {
      await context.close();
    }
  });
});
