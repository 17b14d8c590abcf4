import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: its 2020 figures are the work summary's.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the annual report and inspector consistency', () => {
  test('the leader reads the 2020 report written from the data, unknown numbers highlighted, and downloads it', async () => {
    const page = await harness.newPage();
    await signIn(page, 'leader', 'Demo-Leader-2026');
    await page.goto('/reports/annual?year=2020');
    await page.getByText('2020年工作总结').waitFor();
    await page.getByText('51632').first().waitFor();
    await expect(page.locator('mark').filter({ hasText: '网办率' }).count()).resolves.toBe(1);
    await page.getByText('2020年受理消费者投诉举报按月分布').waitFor();
    await page.getByTestId('report-chart').nth(1).locator('canvas').first().waitFor();
    await screenshot(page, 'annual-report-2020');
    const download = await page.request.get(
      (await page.getByRole('link', { name: /下载 Word 文档/ }).getAttribute('href')) ?? '/api/v1/reports/annual?year=2020',
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('wordprocessingml');
    expect((await download.body()).includes('.svg')).toBe(true);
  });

  test('section staff see inspector consistency per station and inspector', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/reports/inspector-consistency');
    // A year of every inspector's inspections: a minute on a loaded two-core machine.
    await page.getByRole('heading', { name: '按市场监管所' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'inspector-consistency');
  });
});
