import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  test('a citizen files a complaint through the public form and gets its number', async () => {
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
      await page.goto('/public/complaints/new');
      await page.locator('select[name="kind"]').selectOption('complaint');
      await page.locator('input[name="respondentName"]').fill('顺发小吃店');
      await page.locator('input[name="respondentAddress"]').fill('中河路 18 号');
      await page.locator('input[name="name"]').fill('赵六');
      await page.locator('input[name="phone"]').fill('13700001111');
      await page.locator('input[name="address"]').fill('钟公庙街道 天童南路 1 号');
      await page.locator('textarea[name="facts"]').fill('购买的包子已经变质，商家拒绝退款。');
      await page.locator('textarea[name="request"]').fill('退款');
      await screenshot(page, 'public-complaint-form');
      await page.locator('button[type="submit"]').click();
      await page.getByText('已收到，编号').waitFor();
      await screenshot(page, 'public-complaint-received');
      expect(await page.content()).not.toContain('13700001111');
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
  test('section staff seed the committed 2021 draw, run it and publish it; anyone can re-verify it', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    const plans = (await (await page.request.get('/api/v1/random-inspections/plans?year=2021')).json()) as { items: { id: number }[] };
    const planId = plans.items[0]?.id;
    expect(planId).toBeDefined();
    const plan = (await (await page.request.get(`/api/v1/random-inspections/plans/${planId}`)).json()) as {
      draws: { id: number; status: string }[];
    };
    const draw = plan.draws.find((candidate) => candidate.status === 'committed');
    expect(draw).toBeDefined();
    await page.goto(`/random-inspections/draws/${draw?.id}`);
    await page.getByLabel('drand 随机数（轮次与值）').fill('drand quicknet round 12345678: 9f86d081884c7d659a2feaa0c55ad015');
    await page.getByLabel('骰子结果（数字串）').fill('31415926535897932384');
    await page.getByTestId('ri-seed').click();
    await page.getByTestId('ri-run').click();
    await page.getByTestId('ri-publish').click();
    await expect
      .poll(
        async () => ((await (await page.request.get(`/api/v1/random-inspections/draws/${draw?.id}`)).json()) as { status: string }).status,
      )
      .toBe('published');
    await screenshot(page, 'draw-published');
    const document = await page.request.get(`/api/v1/random-inspections/draws/${draw?.id}/document`);
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
