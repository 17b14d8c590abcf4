import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, repoRoot, screenshot, signIn, startHarness } from './harness.ts';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')))`);
}

// The demo district: 18 farmers' markets; the first one has its manager, testing room and organiser accounts (decision 0039).
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('智慧农贸市场: the testing room, the blocked lot and the big screen', () => {
  test('the testing room enters a positive rapid test on a phone, the lot is blocked and the market screen shows it', async () => {
    const phone = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(phone, 'market.testing', 'Demo-MarketTesting-2026');
    await phone.goto('/markets');
    await phone.getByTestId('market-summary').waitFor();
    await phone.getByLabel('摊位').click();
    await phone.keyboard.type('A02');
    await phone.keyboard.press('Enter');
    await phone.getByLabel('样品名称').fill('芹菜E2E');
    await phone.getByText('阳性', { exact: true }).first().click();
    await phone.getByRole('button', { name: /保\s*存/ }).click();
    await phone
      .getByTestId('last-test')
      .getByText(/芹菜E2E 已封存/)
      .waitFor();
    await phone.getByTestId('blocked-lots').getByText('A02 · 芹菜E2E').waitFor();
    await screenshot(phone, 'markets-testing-room-phone');
    expect(await axeViolations(phone)).toEqual([]);

    // The testing room has no big-screen tab and no stall form: its account enters tests only.
    expect(await phone.getByRole('tab', { name: '大屏' }).count()).toBe(0);
    await phone.getByRole('tab', { name: '摊位' }).click();
    await phone.getByText('A02', { exact: true }).first().waitFor();
    expect(await phone.getByTestId('add-stall').count()).toBe(0);

    // The market's big screen: the manager makes its address, the kiosk opens it without signing in.
    const desk = await harness.newPage({ width: 1280, height: 900 });
    await signIn(desk, 'market.manager', 'Demo-Market-2026');
    await desk.goto('/markets');
    await desk.getByTestId('market-summary').waitFor();
    await desk.getByRole('tab', { name: '大屏' }).click();
    await desk.getByRole('button', { name: '生成大屏地址' }).click();
    const url = new URL((await desk.getByTestId('screen-url').textContent()) ?? '');
    const screen = await harness.newPage({ width: 1920, height: 1080 });
    await screen.goto(`${url.pathname}${url.hash}`);
    await screen
      .getByTestId('screen-blocked')
      .getByText(/A02 · 芹菜E2E/)
      .waitFor();
    await screenshot(screen, 'markets-screen');
  });
});

describe('放心消费: a holiday consumption warning', () => {
  test('the section writes a warning for a festival, publishes it, and the public page shows it', async () => {
    const office = await harness.newPage({ width: 1366, height: 900 });
    await signIn(office, 'food.section', 'Demo-Section-2026');
    await office.goto('/consumer-confidence');
    await office.getByRole('tab', { name: '节日消费提示' }).click();
    await office.getByTestId('new-warning').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('节日', { exact: true }).fill('E2E购物节');
    await dialog.getByLabel('节日开始').click();
    await dialog.getByLabel('节日开始').fill('2099-11-11');
    await dialog.getByLabel('节日开始').press('Enter');
    await dialog.getByLabel('标题').fill('E2E购物节消费提示');
    await dialog.getByLabel('正文').fill('购物节将至，请理性消费，警惕先涨后降。\n保留订单和聊天记录。');
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    const row = office.getByRole('row', { name: /E2E购物节消费提示/ });
    await row.getByRole('button', { name: /发\s*布/ }).click();
    await row.getByText(/^\d{4}-\d{2}-\d{2}$/).waitFor();
    expect(await axeViolations(office)).toEqual([]);
    const district = await office.evaluate(
      async () => ((await (await fetch('/api/v1/auth/me')).json()) as { districtCode: string }).districtCode,
    );
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true, javaScriptEnabled: false });
    await page.goto(`/public/consumer-confidence/${district}`);
    await page.getByRole('heading', { name: 'E2E购物节消费提示' }).waitFor();
    await page.getByText('保留订单和聊天记录。').waitFor();
  });
});
