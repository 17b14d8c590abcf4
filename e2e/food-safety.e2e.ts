import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// Food safety on the demo district: an inspector on a phone inspects a due shop with a colleague of the same
// station, gets the result and the printable record on the spot, and the shop's grade follows; an operator on
// a phone sees their staff and the health-certificate warnings.
const inspector1 = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const inspector6 = { username: 'inspector6', password: 'Demo-Inspector6-2026' };
const operator1 = { username: 'operator1', password: 'Demo-Operator1-2026' };
const phone = { width: 390, height: 844 };
/** A 2×2 PNG, as a phone camera would give a (much larger) picture. */
const smallPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM4YaOhUXGC4cOdALkFNgAnyAWrOGhoKgAAAABJRU5ErkJggg==',
  'base64',
);

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
    // Each page names itself in the browser tab.
    const dueTitle = await page.title();
    expect(dueTitle).toMatch(/ · 智监$/);
    await firstInspect.click();
    await page.getByTestId('submit-inspection').waitFor();
    await expect.poll(async () => page.title()).not.toBe(dueTitle);
    expect(await page.title()).toMatch(/ · 智监$/);

    await page.getByTestId(`co-inspector-${coInspector.id}`).click();
    // Submitting with every item unchecked and no operator signature: the items are marked, the page goes to the first.
    await page.getByTestId('submit-inspection').click();
    await page.getByTestId('item-0-unanswered').waitFor();
    await expect.poll(async () => page.getByTestId('item-0').evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(844);
    expect(await page.getByTestId('item-0').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('all-pass').click();
    expect(await page.getByTestId('item-0-unanswered').count()).toBe(0);
    // Item 3, ★ 健康证明, is a key item: failing it alone is 不符合 with investigation, whatever the score (Order 49 Art. 32).
    await page.getByTestId('item-2-fail').click();
    await expect.poll(async () => page.getByTestId('preview-outcome').textContent()).toBe('不符合');
    await page.getByTestId('needs-investigation').waitFor();
    expect(await page.locator('#deadline').count()).toBe(1);
    await page.getByTestId('item-2-pass').click();
    // A general item partly met is 基本符合 with rectification; all met is 符合.
    await page.getByTestId('item-1-partial').click();
    await expect.poll(async () => page.getByTestId('preview-outcome').textContent()).toBe('基本符合');
    await page.getByTestId('item-1-pass').click();
    await expect.poll(async () => page.getByTestId('preview-outcome').textContent()).toBe('符合');
    expect(await page.getByTestId('needs-investigation').count()).toBe(0);
    await page.getByTestId('operator-signature').fill('店主王某');
    // A photo of the kitchen (a small PNG, downscaled to JPEG in the browser) and both handwritten signatures.
    await page.getByTestId('photo-input').setInputFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: smallPng });
    await page.getByTestId('photo-0').waitFor();
    for (const pad of ['inspector-signature-pad', 'operator-signature-pad']) {
      await page.getByTestId(pad).scrollIntoViewIfNeeded();
      const box = await page.getByTestId(pad).boundingBox();
      if (!box) throw new Error(`${pad} not visible`);
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
      await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => page.getByTestId(pad).getAttribute('data-signed')).toBe('yes');
    }
    await screenshot(page, 'food-safety-inspect-phone');
    await page.getByTestId('submit-inspection').click();

    await expect.poll(async () => page.getByTestId('saved-outcome').textContent(), { timeout: 15_000 }).toBe('符合');
    // The saved record shows the photo and both drawn signatures, loaded through the audited download route.
    for (const kind of ['photo', 'inspector-signature', 'operator-signature']) {
      const image = page.getByTestId(`saved-${kind}`);
      await expect
        .poll(async () => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
    }
    const recordHref = await page.getByTestId('record-link').getAttribute('href');
    expect(recordHref).toMatch(/^\/api\/v1\/food-inspections\/\d+\/record$/);
    const record = await page.request.get(recordHref as string);
    expect(record.status()).toBe(200);
    const recordHtml = await record.text();
    expect(recordHtml).toContain('店主王某');
    expect(recordHtml).toContain('class="photo"');
    expect(recordHtml).toContain('data-kind="operator-signature"');
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
  test('a shop operator registers with the credit code and licence; the station approves; the account signs in', async () => {
    const station = await signInApi(inspector1);
    const due = await apiGet<{ items: { entityId: number }[] }>(station, '/food-safety-due?state=due&pageSize=20');
    const today = new Date().toISOString().slice(0, 10);
    let shop: { creditCode: string; licenceNumber: string } | undefined;
    for (const { entityId } of due.items) {
      const entity = await apiGet<{
        creditCode: string;
        licences: { kind: string; number: string; status: string; validUntil: string | null }[];
      }>(station, `/entities/${entityId}`);
      const licence = entity.licences.find(
        (item) => item.kind === 'food_business' && item.status === 'valid' && (item.validUntil === null || item.validUntil > today),
      );
      if (licence) {
        shop = { creditCode: entity.creditCode, licenceNumber: licence.number };
        break;
      }
    }
    expect(shop).toBeDefined();
    const username = `e2e.owner${Date.now() % 100_000}`;
    const password = 'Tea-House-Keeper-42'; // not containing the username: the policy refuses personal words
    const page = await harness.newPage(phone, { isMobile: true });
    await page.goto('/login');
    await page.getByTestId('register-operator-link').click();
    await page.getByTestId('registration-credit-code').fill(shop?.creditCode ?? '');
    await page.getByTestId('registration-licence').fill('JY-NOT-THIS-ONE');
    await page.getByTestId('registration-name').fill('钱店主');
    await page.getByTestId('registration-phone').fill('13812345678');
    await page.getByTestId('registration-username').fill(username);
    await page.getByTestId('registration-password').fill(password);
    await page.getByTestId('registration-confirm').fill(password);
    await page.getByTestId('registration-submit').click();
    await page.getByText('食品经营许可证编号与该主体的有效许可证不符').waitFor();
    await page.getByTestId('registration-licence').fill(shop?.licenceNumber ?? '');
    await page.getByTestId('registration-submit').click();
    await page.getByTestId('registration-submitted').waitFor();
    await screenshot(page, 'food-safety-registration-phone');

    const desk = await harness.newPage(phone, { isMobile: true });
    await signIn(desk, inspector1.username, inspector1.password);
    await desk.goto('/food-safety/applications');
    const card = desk.locator('[data-testid^="application-"]').filter({ hasText: username });
    await card.waitFor();
    expect(await card.textContent()).toContain('138****5678');
    await card.locator('[data-testid^="approve-"]').click();
    await desk.getByRole('button', { name: /确\s*定|OK/ }).click();
    // Approved, it leaves the pending list and shows under 已通过.
    await expect.poll(async () => card.count()).toBe(0);
    await desk.getByText('已通过').first().click();
    await expect.poll(async () => card.first().textContent()).toContain('已通过');
    await signInApi({ username, password });
  });

  test('offline: the inspection waits on the phone, is uploaded when back online, and arrives exactly once', async () => {
    const coInspector = await apiGet<{ id: number }>(await signInApi(inspector6), '/auth/me');
    const station = await signInApi(inspector1);
    const due = await apiGet<{ items: { entityId: number }[] }>(station, '/food-safety-due?state=due&pageSize=20');
    const entityId = due.items.at(-1)?.entityId as number;
    expect(entityId).toBeGreaterThan(0);
    const before = await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`);
    const page = await harness.newPage(phone, { isMobile: true });
    await signIn(page, inspector1.username, inspector1.password);
    await page.goto(`/food-safety/inspect/${entityId}`);
    await page.getByTestId(`co-inspector-${coInspector.id}`).click();
    await page.getByTestId('all-pass').click();
    await page.getByTestId('operator-signature').fill('店主孙某');
    // A reload keeps the draft.
    await page.reload();
    await expect.poll(async () => page.getByTestId('operator-signature').inputValue()).toBe('店主孙某');
    await expect.poll(async () => page.getByTestId('preview-outcome').textContent()).toBe('符合');

    await page.context().setOffline(true);
    await page.getByTestId('submit-inspection').click();
    await expect.poll(async () => page.getByTestId('outbox-state').getAttribute('data-state')).toBe('queued');
    expect(await page.getByTestId('outbox-state').textContent()).toContain('已保存在本机，待上传');
    await screenshot(page, 'food-safety-offline-queued-phone');
    expect((await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`)).total).toBe(before.total);

    await page.context().setOffline(false);
    await expect.poll(async () => page.getByTestId('saved-outcome').textContent(), { timeout: 20_000 }).toBe('符合');
    expect((await apiGet<{ total: number }>(station, `/food-inspections?entityId=${entityId}`)).total).toBe(before.total + 1);
    const leftInStorage = "Object.keys(localStorage).filter((key) => key.startsWith('zhijian.food-inspection.'))";
    expect(await page.evaluate(leftInStorage)).toEqual([]);
  });
});
