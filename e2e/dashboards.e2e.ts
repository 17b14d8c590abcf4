import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInChina } from '../shared/calendar-day.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district lives up to today: the leader's home opens on this year with figures, charts and alerts.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the leader’s cockpit and the big screen', () => {
  test('the leader sees this year’s figures and a chart, follows an alert to its list, switches to 2020 and exports it', async () => {
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await signIn(page, 'leader', 'Demo-Leader-2026');
      const year = Number(todayInChina(new Date()).slice(0, 4));
      await page.getByTestId('home-figures').getByText(String(year)).first().waitFor();
      const accepted = page.getByTestId('figure-complaints.accepted');
      await expect.poll(async () => (await accepted.textContent()) ?? '').toMatch(/\d{1,3}(,\d{3})+|\d{3}/);
      await page.getByTestId('trend-complaints.accepted').locator('canvas').first().waitFor();
      await screenshot(page, 'leader-home');

      // An alert is a count of a list: clicking it opens that list with the same filter.
      await page.getByTestId('alert-complaintsOverdue').click();
      await page.waitForURL(/\/complaints\?flag=overdue/);
      await page.locator('.ant-table').first().waitFor();

      await page.goto('/');
      // The page at rest first: figures and charts arriving late move the switch while its list is open.
      await expect.poll(async () => (await accepted.textContent()) ?? '').toMatch(/\d/);
      await page.getByTestId('trend-complaints.accepted').locator('canvas').first().waitFor();
      const switchTo2020 = async () => {
        if (!page.url().includes('from=2020-01-01')) {
          await page.getByTestId('period-switch').locator('.ant-select').click();
          await page
            .locator('.ant-select-item-option[title="2020"]')
            .click({ timeout: 5_000 })
            .catch(() => undefined);
        }
        return page.url();
      };
      await expect.poll(switchTo2020, { timeout: 60_000, interval: 1_000 }).toMatch(/from=2020-01-01&to=2020-12-31/);
      await expect.poll(async () => (await page.getByTestId('figure-registry.entities').textContent()) ?? '').toContain('51,632');
      await expect.poll(async () => (await accepted.textContent()) ?? '').toContain('3,325');
      expect(await accepted.textContent()).toContain('+60.47%');
      await screenshot(page, 'leader-home-2020');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-xlsx').click()]);
      expect(download.suggestedFilename()).toBe('figures-2020.xlsx');
    } finally {
      await context.close();
    }
  }, 180_000);

  test('a screen address made by the leader opens the big screen at 1920×1080 without signing in', async () => {
    const office = await harness.browser.newContext({ baseURL: harness.baseUrl, locale: 'zh-CN' });
    let address: string;
    try {
      const page = await office.newPage();
      page.setDefaultTimeout(30_000);
      await signIn(page, 'leader', 'Demo-Leader-2026');
      await page.goto('/dashboards/screens');
      await page.getByLabel('名称').fill('指挥中心大屏');
      await page.getByTestId('screen-token-create').click();
      address = ((await page.getByTestId('one-time-secret').textContent()) ?? '').trim();
      expect(address).toMatch(/\/screen\/district#token=\d{6}\./);
    } finally {
      await office.close();
    }
    const kiosk = await harness.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    try {
      const page = await kiosk.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(address);
      const figures = page.getByTestId('screen-figures');
      await expect.poll(async () => (await figures.textContent()) ?? '', { timeout: 60_000 }).toMatch(/\d,\d{3}/);
      for (const chart of ['screen-complaint-trend', 'screen-street-colours', 'screen-colours', 'screen-pass-rate'])
        await page.getByTestId(chart).locator('canvas').first().waitFor();
      const size = await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]');
      expect(size[0]).toBeLessThanOrEqual(1920);
      expect(size[1]).toBeLessThanOrEqual(1080);
      expect(await page.evaluate<string>('getComputedStyle(document.querySelector("main")).backgroundColor')).toBe('rgb(5, 11, 22)');
      await screenshot(page, 'district-screen');
      // Without a token (or a revoked one) the screen says so and shows nothing.
      await page.goto(`${harness.baseUrl}/screen/district`);
      await page.getByTestId('screen-denied').waitFor();
    } finally {
      await kiosk.close();
    }
  }, 180_000);

  test('a restaurant owner on a phone sees their shop’s colour, grade and next inspection, and prints their door sticker', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'operator1', 'Demo-Operator1-2026');
    const business = page.getByTestId('my-businesses').locator('[data-testid^="my-business-"]').first();
    await business.getByText('五色码').waitFor();
    await expect.poll(async () => (await business.textContent()) ?? '').toMatch(/[绿蓝黄橙黑]码/);
    await expect.poll(async () => (await business.textContent()) ?? '').toMatch(/下次应检查\d{4}-\d{2}-\d{2}/);
    const sticker = business.getByRole('link', { name: '打印门贴' });
    const response = await page.request.get((await sticker.getAttribute('href')) as string);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('class="sticker"');
    // The restaurant's alerts only: nothing of special equipment.
    await page.getByTestId('alert-certificatesExpiring').waitFor();
    expect(await page.getByTestId('alert-equipmentDue').count()).toBe(0);
    await screenshot(page, 'operator-home-phone');
  });

  test('section staff see the files waiting for their decision, each count opening its list', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    const queue = page.getByTestId('home-queue');
    await queue.getByTestId('alert-equipmentOverdue').waitFor();
    await expect.poll(async () => (await queue.locator('.ant-badge').first().textContent()) ?? '').toMatch(/\d/);
    await queue.getByTestId('alert-applicationsPending').click();
    await page.waitForURL(/\/food-safety\/applications/);
  });
});
