import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, repoRoot, screenshot, signIn, startHarness } from './harness.ts';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A/AA violations on the page as it is now (the new pages of this module; e2e/accessibility.e2e.ts has the rest). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')))`);
}

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

    // The registration ran EARS at once: today's signal is an open alarm; the team marks it seen and investigates.
    await page.getByRole('tab', { name: '概况' }).click();
    await page.getByTestId('open-alarms').waitFor();
    await page.getByTestId('street-trends').waitFor();
    await page.getByRole('link', { name: '查看预警' }).click();
    await page.getByRole('heading', { name: '药情预警' }).waitFor();
    const alarm = page.locator('tr', { hasText: '新预警' }).first();
    await alarm.waitFor();
    await alarm.getByRole('button', { name: '标记已查看' }).click();
    await page.locator('tr', { hasText: '已查看' }).first().waitFor();
    await page.locator('tr', { hasText: '已查看' }).first().getByRole('button', { name: '开始调查' }).click();
    await page.getByLabel('处理说明（记入审计日志）').fill('已电话回访发热购药人，会同疾控核查');
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await page.locator('tr', { hasText: '调查中' }).first().waitFor();
    // The page at rest: a closing dialog fades out, and axe would judge its half-transparent text.
    await expect.poll(async () => page.locator('.ant-modal-wrap:visible, .ant-modal-mask:visible').count()).toBe(0);
    await screenshot(page, 'pharmacies-alarms');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the bureau sets the daily report cut-off; the pharmacy makes a key for its POS system', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/pharmacies/settings');
    await page.getByTestId('settings-in-force').waitFor();
    await page.getByLabel('每日上报截止时间').fill('19:00');
    await page.getByTestId('save-settings').click();
    await page.getByText('已保存').waitFor();
    expect(await page.getByTestId('settings-in-force').textContent()).toContain('19:00');
    expect(await axeViolations(page)).toEqual([]);

    const phone = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(phone, 'pharmacy1', 'Demo-Pharmacy1-2026');
    await phone.goto('/pharmacies/pos-keys');
    await phone.getByLabel('名称').fill('前台收银机');
    await phone.getByTestId('create-pos-key').click();
    const key = (await phone.getByTestId('new-pos-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^pos\.\d{6}\./);
    const posted = await phone.request.post('/api/v1/pharmacies/pos/registrations', {
      headers: { authorization: `Bearer ${key}` },
      data: {
        rows: [
          {
            key: 'till-0001',
            buyerName: '收银登记',
            idNumber: '11010519491231002X',
            phone: '13900001111',
            temperature: 36.6,
            symptoms: [],
            medicineClass: 'cough',
            quantity: 1,
          },
        ],
      },
    });
    expect(posted.status()).toBe(200);
    expect((await posted.json()).created).toBe(1);
    await phone.getByRole('button', { name: /吊\s*销/ }).click(); // antd spaces a two-character button: 吊 销
    await phone.getByRole('button', { name: /OK|确\s*定/ }).click();
    await phone.getByText(/已于 .* 吊销/).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
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
