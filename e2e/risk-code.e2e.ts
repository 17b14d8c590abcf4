import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: its pilot pedestrian street 宁大步行街 has every catering unit inspected and coded.
let harness: Harness;
let pilotToken: string;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the five-colour code', () => {
  test('the map of 宁大步行街 shows its points, the counts per colour and 100% coverage; a point opens the unit', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    const areas = (await (await page.request.get('/api/v1/risk-code/map/areas')).json()) as { items: { id: number; name: string }[] };
    const pilot = areas.items.find((area) => area.name === '宁大步行街');
    expect(pilot).toBeDefined();
    const map = (await (await page.request.get(`/api/v1/risk-code/map?areaId=${pilot?.id}`)).json()) as {
      total: number;
      points: { entityId: number; colour: string }[];
      counts: Record<string, number>;
    };
    expect(map.total).toBeGreaterThan(0);

    await page.goto(`/risk-code/map?areaId=${pilot?.id}`);
    await page.getByTestId('colour-map').waitFor();
    await expect.poll(() => page.getByTestId('map-point').count()).toBe(map.total);
    await expect.poll(() => page.getByTestId('map-coverage').textContent()).toContain('100');
    for (const [colour, count] of Object.entries(map.counts)) {
      expect(await page.getByTestId(`count-${colour}`).textContent()).toContain(String(count));
    }
    await screenshot(page, 'risk-code-map-pilot-street');
    await page.getByTestId('map-point').first().click();
    await page.getByTestId('colour-explanation').waitFor();
    expect(page.url()).toContain(`/risk-code/entities/${map.points[0]?.entityId}`);
    const view = (await (await page.request.get(`/api/v1/risk-code/entities/${map.points[0]?.entityId}`)).json()) as { token: string };
    pilotToken = view.token;
    await page.getByTestId('colour-facts').waitFor();
    await screenshot(page, 'risk-code-entity');

    // On a phone the list beside the map becomes cards.
    const phone = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(phone, 'food.section', 'Demo-Section-2026');
    await phone.goto(`/risk-code/map?areaId=${pilot?.id}`);
    await phone.getByTestId('colour-map').waitFor();
    await expect.poll(() => phone.getByTestId('map-card').count()).toBe(Math.min(10, map.total));
    await screenshot(phone, 'risk-code-map-phone');
  });

  test('an operator on a phone sees why their shop has its colour', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'operator1', 'Demo-Operator1-2026');
    await page.goto('/food-safety/shops');
    const shop = page.locator('[data-testid^="shop-"]').first();
    await shop.waitFor();
    await shop.getByRole('link').first().click();
    await page.getByTestId('colour-explanation').waitFor();
    expect(await page.getByTestId('colour-explanation').textContent()).toMatch(/当前为[绿蓝黄橙黑]码/);
    await screenshot(page, 'risk-code-operator-explanation');
  });

  test('section staff save the colour table as a new version', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/risk-code/colour-table');
    await page.getByText('本配色表为本局设定，国家未发布统一标准').waitFor();
    const before = (await (await page.request.get('/api/v1/risk-code/colour-tables')).json()) as { total: number };
    await page.getByPlaceholder('说明').fill('浏览器测试保存的版本');
    await page.getByRole('button', { name: '另存为新版本' }).click();
    await page.getByTestId('table-saved').waitFor();
    const after = (await (await page.request.get('/api/v1/risk-code/colour-tables')).json()) as {
      total: number;
      items: { note: string }[];
    };
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((item) => item.note === '浏览器测试保存的版本')).toBe(true);
    await expect.poll(() => page.getByTestId('table-versions').textContent()).toContain('浏览器测试保存的版本');
    await screenshot(page, 'risk-code-colour-table');
  });

  test('the public code page on a phone without JavaScript: name, colour, grade, no personal data, English, friendly 404', async () => {
    expect(pilotToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      javaScriptEnabled: false,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const response = await page.goto(`/p/${pilotToken}`);
      expect(response?.status()).toBe(200);
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).toMatch(/[绿蓝黄橙黑]码/);
      expect(text).toContain('量化分级');
      expect(await page.locator('h2').first().textContent()).toBeTruthy();
      const html = await page.content();
      expect(html).not.toMatch(/\b\d{17}[\dXx]\b/); // resident ID numbers
      expect(html).not.toMatch(/\b1[3-9]\d{9}\b/); // mobile phone numbers
      await screenshot(page, 'risk-code-public-page');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.locator('body').textContent()).toMatch(/Green|Blue|Yellow|Orange|Black/);
      expect(await page.locator('body').textContent()).toContain('Food-safety grade');

      const missing = await page.goto('/p/AAAAAAAAAAAAAAAAAAAAAA');
      expect(missing?.status()).toBe(404);
      expect(await page.locator('body').textContent()).toContain('未找到该码');
      await page.goto('/p/AAAAAAAAAAAAAAAAAAAAAA?lang=en');
      expect(await page.locator('body').textContent()).toContain('Code not found');
      await screenshot(page, 'risk-code-public-404');
    } finally {
      await context.close();
    }
  });
});
