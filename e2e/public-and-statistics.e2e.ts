import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInChina } from '../shared/calendar-day.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district, so the public pages have a district, streets and published results, and the
// statistics pages have the 2020 figures of the work summary.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('public pages, on a phone, without JavaScript', () => {
  const phoneWithoutScript = () =>
    harness.browser.newContext({
      baseURL: harness.baseUrl,
      javaScriptEnabled: false,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
  /** The page fits the phone's width: nothing but a table's own scroll box is wider than the screen. */
  const fitsWidth = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  test('a citizen files a complaint through the public form, gets its number, and looks up its progress', async () => {
    const context = await phoneWithoutScript();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/public/complaints/new');
      // No street is chosen for the person; a missing one is named, linked to its field, and what was typed stays.
      expect(await page.locator('select#streetCode').inputValue()).toBe('');
      await page.getByLabel('类型（必填）').selectOption('complaint');
      await page.getByLabel('被投诉（举报）方（必填）').fill('顺发小吃店');
      await page.getByLabel('被投诉方地址（必填）').fill('中河路 18 号');
      await page.getByLabel('您的姓名（投诉必填）').fill('赵六');
      await page.getByLabel('联系电话（投诉必填）').fill('13700001111');
      await page.getByLabel('通讯地址（投诉必填）').fill('钟公庙街道 天童南路 1 号');
      await page.getByLabel('事实经过（必填）').fill('购买的包子已经变质，商家拒绝退款。');
      await page.getByLabel('具体诉求（投诉必填）').fill('退款');
      // Without script the browser's own check stops a missing required field; remove it to see the server's answer.
      await page.locator('select#streetCode').evaluate((element) => element.removeAttribute('required'));
      await page.locator('button[type="submit"]').click();
      await page.locator('a[href="#streetCode"]').waitFor();
      expect(await page.locator('select#streetCode').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('textarea#facts').inputValue()).toBe('购买的包子已经变质，商家拒绝退款。');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'public-complaint-form-errors');
      const street = await page.locator('select#streetCode option').nth(1).getAttribute('value');
      await page.getByLabel('所在街道（必填）').selectOption(street as string);
      await page.getByLabel('联系电话（投诉必填）').fill('13700001111');
      await screenshot(page, 'public-complaint-form');
      await page.locator('button[type="submit"]').click();
      const heading = await page.getByText('已收到，编号').textContent();
      const number = /TS\d{8}-\d{4}/.exec(heading ?? '')?.[0] as string;
      expect(number).toMatch(/^TS\d{8}-\d{4}$/);
      await screenshot(page, 'public-complaint-received');
      expect(await page.content()).not.toContain('13700001111');

      // The status page: the number and the phone's last 4 digits, no script, on the phone.
      await page.getByRole('link', { name: '查询办理进度' }).click();
      await page.getByLabel('编号（必填）').fill(number);
      await page.getByLabel('联系电话后四位（必填）').fill('0000');
      await page.locator('button[type="submit"]').click();
      await page.getByRole('alert').getByText('编号或电话后四位不正确').waitFor();
      await page.getByLabel('联系电话后四位（必填）').fill('1111');
      await page.locator('button[type="submit"]').click();
      await page.getByText('已收到，待决定是否受理').waitFor();
      const result = (await page.locator('main').textContent()) ?? '';
      expect(result).toContain(number);
      for (const secret of ['赵六', '13700001111', '顺发小吃店', '包子']) expect(result).not.toContain(secret);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'public-complaint-status');
    } finally {
      await context.close();
    }
  });

  test('the public sampling results open on this district and year, switch years, search and page on a phone', async () => {
    const context = await phoneWithoutScript();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const opened = await page.goto('/public/sampling');
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()['content-type']).toContain('text/html');
      await page.getByRole('navigation', { name: '年份' }).getByRole('link', { name: '2020' }).click();
      await page.getByText('食品和产品质量监督抽检结果公告').first().waitFor();
      await page.getByText(/共公布抽检 \d+ 批次/).waitFor();
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      expect(height).toBeLessThan(20_000); // the whole 2020 list was 35,000 px tall
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'public-sampling-2020-phone');
      await page.getByRole('link', { name: '下一页' }).click();
      await page.getByText(/第 2 \/ \d+ 页/).waitFor();
      const firstName = (await page.locator('section').nth(2).locator('tbody tr td').first().textContent()) as string;
      await page.getByLabel('搜索单位或产品名称').fill(firstName.slice(0, 4));
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByText(firstName).first().waitFor();
      // A bad address is a page for a person too, never JSON.
      const bad = await page.goto('/public/sampling?year=abc');
      expect(bad?.status()).toBe(400);
      expect(bad?.headers()['content-type']).toContain('text/html');
      await page.getByText('无法显示此页面').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the public page of double-random inspections lists the plans with their verification data', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/public/random-inspections');
      await page.getByText('抽查计划').first().waitFor();
      expect(await page.content()).toContain('2020');
      await screenshot(page, 'public-random-inspections');
    } finally {
      await context.close();
    }
  });
});

describe('the draw ceremony (双随机)', () => {
  test('section staff commit a new batch of this year’s plan, seed it, run it and publish it; anyone can re-verify it', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    // The demo has drawn and published every year's plan up to today; a second batch is committed here.
    const year = Number(todayInChina(new Date()).slice(0, 4));
    const plans = (await (await page.request.get(`/api/v1/random-inspections/plans?year=${year}`)).json()) as { items: { id: number }[] };
    const planId = plans.items[0]?.id;
    expect(planId).toBeDefined();
    await page.goto(`/random-inspections/plans/${planId}`);
    await page.getByLabel('事先公告的种子来源').fill('drand quicknet 随机数 + 公开会议上掷20枚十面骰子');
    await page.getByTestId('ri-commit').click();
    await page.waitForURL(/\/random-inspections\/draws\/\d+$/);
    const draw = { id: Number(new URL(page.url()).pathname.split('/').pop()) };
    expect(((await (await page.request.get(`/api/v1/random-inspections/draws/${draw.id}`)).json()) as { status: string }).status).toBe(
      'committed',
    );
    await page.getByLabel('drand 随机数（轮次与值）').fill('drand quicknet round 12345678: 9f86d081884c7d659a2feaa0c55ad015');
    await page.getByLabel('骰子结果（数字串）').fill('31415926535897932384');
    await page.getByTestId('ri-seed').click();
    await page.getByTestId('ri-run').click();
    await page.getByTestId('ri-publish').click();
    await expect
      .poll(
        async () => ((await (await page.request.get(`/api/v1/random-inspections/draws/${draw.id}`)).json()) as { status: string }).status,
      )
      .toBe('published');
    await screenshot(page, 'draw-published');
    const document = await page.request.get(`/api/v1/random-inspections/draws/${draw.id}/document`);
    expect(document.status()).toBe(200);
  });
});

describe('statistics pages show the figures of the 2020 work summary', () => {
  test('complaints and reports, petitions, satisfaction; cases, major cases and amounts', async () => {
    const page = await harness.newPage();
    await signIn(page, 'leader', 'Demo-Leader-2026');
    await page.goto('/complaints/statistics?from=2020-01-01&to=2020-12-31');
    const complaints = page.getByTestId('complaint-figures');
    await complaints.getByText('3,325').waitFor();
    await complaints.getByText('+60.47%').waitFor();
    await complaints.getByText('481').waitFor();
    await screenshot(page, 'complaint-statistics');
    await page.goto('/cases/statistics?from=2020-01-01&to=2020-12-31');
    const cases = page.getByTestId('case-figures');
    await cases.getByText('365').first().waitFor();
    await cases.getByText('77').first().waitFor();
    await screenshot(page, 'case-statistics');
  });

  test('an inspector sees their random-inspection tasks on a phone', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'inspector1', 'Demo-Inspector1-2026');
    await page.goto('/random-inspections/tasks');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').textContent()).not.toContain('404');
    await screenshot(page, 'random-inspection-tasks-phone');
  });
});
