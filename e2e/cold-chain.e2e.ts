import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, repoRoot, screenshot, signIn, startHarness } from './harness.ts';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A/AA violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')))`);
}

// The demo district: imported frozen food from November 2020 to today, cold.trader is one of the market's traders.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('进口冷链追溯: scan in, scan out, the consumer page', () => {
  test('a trader types a batch code on a phone, scans it in and ships part of it on; a consumer opens /t/<code> without JavaScript', async () => {
    // The section finds a sellable batch and a restaurant's credit code (what the trader would read off the label and the order).
    const office = await harness.newPage();
    await signIn(office, 'food.section', 'Demo-Section-2026');
    await office.goto('/cold-chain/batches?sellable=yes');
    await office.getByRole('heading', { name: '进口冷链批次' }).waitFor();
    const code = (await office.locator('td code').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9]{6}[0-9A-Z]{10}$/);
    const receiver = await office.evaluate(async () => {
      const response = await fetch('/api/v1/entities?category=catering&status=active&pageSize=1');
      return ((await response.json()) as { items: { creditCode: string }[] }).items[0]?.creditCode ?? '';
    });
    expect(receiver).toHaveLength(18);

    const phone = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(phone, 'cold.trader', 'Demo-ColdTrader-2026');
    await phone.goto('/cold-chain/scan');
    await phone.getByLabel('追溯码').fill(code.toLowerCase());
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByTestId('scanned-code').waitFor();
    // In: 120 kg received.
    await phone.getByText('收货', { exact: true }).click();
    await phone.getByLabel(/数量/).fill('120');
    await phone.getByRole('button', { name: /提\s*交/ }).click();
    await phone.getByText('已记录：收货').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    // Out: a shipment names its receiver; without one the server's message lands on the field.
    await phone.getByText('发货', { exact: true }).click();
    await phone.getByLabel(/数量/).fill('50');
    await phone.getByLabel('收货方统一社会信用代码').fill(receiver);
    await phone.getByRole('button', { name: /提\s*交/ }).click();
    await phone.getByText('已记录：发货').waitFor();
    await screenshot(phone, 'cold-chain-scan-phone');

    // The trader sees the batch among its own, with both scans.
    await phone.goto('/cold-chain/batches');
    await phone.getByRole('heading', { name: '进口冷链批次' }).waitFor();

    // The consumer: the QR label's page, no script, no personal data.
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      javaScriptEnabled: false,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const consumer = await context.newPage();
      const response = await consumer.goto(`/t/${code}`);
      expect(response?.status()).toBe(200);
      await consumer.getByText('进口冷链食品追溯').first().waitFor();
      await consumer.getByText('流通环节').waitFor();
      await consumer.getByText('证明文件').waitFor();
      const html = await consumer.content();
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/1[3-9][0-9]{9}/);
      await screenshot(consumer, 'cold-chain-consumer-page');
    } finally {
      await context.close();
    }
  });
});
