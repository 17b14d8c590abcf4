import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: its food workshops have evaluations, and 14 certified products have public pages.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

const phoneWithoutScript = () =>
  harness.browser.newContext({
    baseURL: harness.baseUrl,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });

describe('workshop red/black lists and product codes', () => {
  test('section staff publish a month of lists and see it on the public page (phone, no JavaScript)', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { districtCode: string };
    const published = (await (await page.request.get('/api/v1/workshops/snapshots')).json()) as { items: { period: string }[] };
    // A month the demo has not published: the lists of a past year.
    const taken = new Set(published.items.map((snapshot) => snapshot.period));
    const period = ['2019-07', '2019-08', '2019-09'].find((candidate) => !taken.has(candidate)) as string;
    await page.goto('/workshops');
    await page.getByRole('tab', { name: '发布记录' }).click();
    const picker = page.locator('.ant-picker input').first();
    await picker.click();
    await picker.fill(period);
    await picker.press('Enter');
    await page.getByTestId('publish-snapshot').click();
    await page.getByText(`${period} · 发布于`).waitFor();
    await screenshot(page, 'workshops-snapshots');
    await page.getByRole('tab', { name: '评价标准' }).click();
    await page.getByText('未找到官方的小作坊红黑榜评价标准').waitFor();

    const context = await phoneWithoutScript();
    try {
      const publicPage = await context.newPage();
      publicPage.setDefaultTimeout(15_000);
      const response = await publicPage.goto(`/public/workshop-lists/${me.districtCode}`);
      expect(response?.status()).toBe(200);
      await publicPage.getByText(`${period} 红黑榜`).waitFor();
      expect(await publicPage.content()).not.toContain('<script');
      await screenshot(publicPage, 'workshops-public-lists');
    } finally {
      await context.close();
    }
  });

  test('an inspector evaluates a workshop on a phone', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'inspector1', 'Demo-Inspector1-2026');
    await page.goto('/workshops');
    await page.getByRole('tab', { name: '现场评价' }).click();
    await page.getByTestId('workshop-picker').click();
    await page.locator('.ant-select-item-option').first().click();
    for (const item of ['登记证在有效期内并公示', '环境整洁', '消毒到位']) await page.getByText(item).click();
    await screenshot(page, 'workshops-evaluation-phone');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('评价已保存，榜单已按规则更新').waitFor();
  });

  test('a certified product’s public page opens from its code (phone, no JavaScript)', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/products');
    const link = page.getByTestId('product-public-link').first();
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(/^\/p\/[A-Za-z0-9_-]{22}$/);
    await screenshot(page, 'products-list');

    const context = await phoneWithoutScript();
    try {
      const publicPage = await context.newPage();
      publicPage.setDefaultTimeout(15_000);
      const response = await publicPage.goto(href);
      expect(response?.status()).toBe(200);
      await publicPage.getByText('“品字标浙江制造”认证产品').waitFor();
      await publicPage.getByText('证书编号').waitFor();
      await screenshot(publicPage, 'product-public-page');
    } finally {
      await context.close();
    }
  });
});
