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

  test('a trader registers a batch by form and may not mark it sellable until its three certificates are uploaded', async () => {
    const page = await harness.newPage();
    await signIn(page, 'cold.trader', 'Demo-ColdTrader-2026');
    await page.goto('/cold-chain/batches/new');
    await page.getByRole('heading', { name: '登记进口批次' }).waitFor();
    const declaration = `3101${String(Date.now()).padStart(14, '0')}`;
    await page.getByLabel('报关单号').fill(declaration);
    await page.getByLabel('原产国').fill('br');
    await page.getByLabel('品名').fill('冷冻牛腱');
    await page.getByLabel('批号').fill('BR-E2E-1');
    await page.getByLabel('数量', { exact: true }).fill('80');
    await page.getByLabel('首站（冷库或进口商）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByRole('button', { name: '登记并生成追溯码' }).click();
    await page.getByRole('heading', { name: '冷冻牛腱 · BR-E2E-1' }).waitFor();
    await page.getByTestId('trace-qr').waitFor();

    // Not sellable without the certificates: the refusal names what is missing.
    const markSellable = page.getByRole('button', { name: '标记为可销售' });
    await markSellable.click();
    await page
      .getByTestId('sellable-refused')
      .getByText('缺少证明：入境货物检验检疫证明、核酸检测报告、消毒证明，不能标记为可销售')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A tiny PDF written by the test, one certificate at a time (the form offers the next missing kind).
    const upload = async (kind: string, number: string) => {
      await page.getByLabel('证明编号').fill(number);
      await page.getByLabel('文件', { exact: true }).setInputFiles({
        name: `${number}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from(`%PDF-1.4\n% ${number}\n%%EOF\n`),
      });
      await page.getByRole('button', { name: /上\s*传/ }).click();
      await page.getByText(`已上传：${kind}`).waitFor();
    };
    await upload('入境货物检验检疫证明', 'IQ-E2E-1');
    await markSellable.click();
    await page.getByTestId('sellable-refused').getByText('缺少证明：核酸检测报告、消毒证明，不能标记为可销售').waitFor();
    await upload('核酸检测报告', 'NA-E2E-1');
    await upload('消毒证明', 'DS-E2E-1');
    await markSellable.click();
    await page.getByText('已标记为可销售').waitFor();
    await page.getByText('三证齐全可销售').first().waitFor();
    expect(await page.getByTestId('sellable-refused').count()).toBe(0);
  });

  test('the section traces a code forward across districts; a trader’s invalid EPCIS document shows its errors, storing nothing', async () => {
    const office = await harness.newPage();
    await signIn(office, 'food.section', 'Demo-Section-2026');
    await office.goto('/cold-chain/batches?sellable=yes');
    await office.getByRole('heading', { name: '进口冷链批次' }).waitFor();
    const code = (await office.locator('td code').first().textContent())?.trim() ?? '';
    await office.goto(`/cold-chain/trace?code=${code}&direction=forward`);
    await office.getByRole('heading', { name: '跨区追溯' }).waitFor();
    await office.getByTestId('trace-holders').getByText('区划 330212').first().waitFor();
    await office.getByTestId('trace-chain').getByText(code).first().waitFor();

    const trader = await harness.newPage();
    await signIn(trader, 'cold.trader', 'Demo-ColdTrader-2026');
    await trader.goto('/cold-chain/epcis');
    await trader.getByRole('heading', { name: 'EPCIS 2.0 上传' }).waitFor();
    await trader.getByLabel('EPCIS文档').fill(JSON.stringify({ type: 'EPCISDocument', schemaVersion: '2.0' }));
    await trader.getByRole('button', { name: /上\s*传/ }).click();
    const rejected = trader.getByTestId('epcis-rejected');
    await rejected.getByText('EPCIS文档不符合标准或本平台规则，未保存任何事件').waitFor();
    expect(await rejected.locator('code').count()).toBeGreaterThan(0);
  });
});
