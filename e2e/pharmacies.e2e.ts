import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: 176 pharmacies, the 2020 epidemic's registrations, and a dozen buyers registered today.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('药情每日通: pharmacies as epidemic sentinels', () => {
  test('a pharmacy registers a feverish buyer on a phone; the epidemic team sees them on the day’s follow-up list and calls them', async () => {
    const phone = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(phone, 'pharmacy1', 'Demo-Pharmacy1-2026');
    await phone.goto('/pharmacies/counter');
    await phone.getByLabel('购药人姓名').fill('林发热');
    await phone.getByLabel('证件号码').fill('110105194912310021'); // wrong check character
    await phone.getByLabel('手机号码').fill('13566667777');
    await phone.getByLabel('体温（℃）').fill('38.4');
    await phone.getByText('发热', { exact: true }).click();
    await phone.getByText('咳嗽', { exact: true }).click();
    await phone.getByTestId('register-buyer').click();
    await phone.getByText('身份证号码不正确').first().waitFor();
    await phone.getByLabel('证件号码').fill('11010519491231002X');
    await phone.getByTestId('register-buyer').click();
    await phone.getByText('已登记：林发热').waitFor();
    await phone.getByText('已推送疫情防控专班').waitFor();
    await phone.getByText('110105********002X').first().waitFor();
    await screenshot(phone, 'pharmacies-counter-phone');

    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/pharmacies/surveillance');
    await page.getByText('需跟踪人数').waitFor();
    await screenshot(page, 'pharmacies-surveillance');
    await page.getByRole('tab', { name: '当日跟踪名单' }).click();
    const row = page.locator('tr', { hasText: '林发热' });
    await row.waitFor();
    expect(await row.textContent()).toContain('38.4℃');
    await row.getByRole('button', { name: '查看完整手机号码' }).click();
    await page.getByLabel('查看原因（将记入审计日志）').fill('流调回访');
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await row.getByText('13566667777').waitFor();
    await screenshot(page, 'pharmacies-follow-up');
  });

  test('a station sees which of its pharmacies have not reported today', async () => {
    const page = await harness.newPage();
    await signIn(page, 'inspector1', 'Demo-Inspector1-2026');
    await page.goto('/pharmacies/status');
    await page.getByTestId('status-summary').waitFor();
    expect(await page.getByTestId('status-summary').textContent()).toMatch(/\d+ \/ \d+ 家药店已上报/);
    await page.getByText('未上报').first().waitFor();
    await screenshot(page, 'pharmacies-status');
  });
});
