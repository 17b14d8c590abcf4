import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creditCodeCheckCharacter } from '../shared/credit-code.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: 2020's IP statistics (790 invention applications…), graded makers, 品字标 firms.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

function creditCode(serial: number): string {
  const body = `91330212${String(serial).padStart(8, '0')}0`;
  return body + creditCodeCheckCharacter(body);
}

describe('product quality and brands', () => {
  test('section staff import a patent extract with a bad row and see the row’s reason; the year’s counts follow', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/product-quality?tab=ip');
    // The demo's 2020: 790 invention applications, with the change on 2019.
    await page.getByRole('cell', { name: '790', exact: true }).waitFor();

    const serial = Date.now() % 10_000_000;
    const good = creditCode(serial);
    const bad = creditCode(serial + 1);
    const wrongCheck = bad.slice(0, 17) + (bad.endsWith('0') ? '1' : '0');
    const csv = [
      '统一社会信用代码,企业名称,年度,类别,数量,金额（元）',
      `${good},浏览器测试科技有限公司${serial},2020,发明专利申请,4,`,
      `${wrongCheck},校验位错误的公司,2020,发明专利申请,2,`,
    ].join('\r\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'patents-2020.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
    const summary = page.getByTestId('ip-import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('共 2 行，导入 1 行，1 行有错误未导入');
    const errors = page.getByTestId('ip-import-errors');
    await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
    await errors.getByText('统一社会信用代码').first().waitFor();
    await errors.getByText(/校验位/).waitFor();
    // The good row counts: 794 invention applications in 2020 now.
    await page.getByRole('cell', { name: '794', exact: true }).waitFor();
    await screenshot(page, 'product-quality-ip-import');
  });

  test('the makers are graded with the bureau setting shown, and the 品字标 firms are the district’s', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/product-quality?tab=makers');
    await page.getByText('分级规则为本局设定').waitFor();
    await page.getByTestId('grade-counts').waitFor();
    expect(await page.getByTestId('grade-counts').textContent()).toMatch(/^A \d+ · B \d+ · C \d+ · D \d+$/);
    await page.goto('/product-quality?tab=brands');
    await page
      .getByTestId('brand-new-by-year')
      .getByText(/2020年 5 家/)
      .waitFor();
    await screenshot(page, 'product-quality-brands');
  });

  test('section staff edit a maker through the form and read its grade history', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/product-quality?tab=makers');
    const products = `浏览器测试产品${Date.now() % 100_000}`;
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '产品', exact: true }).fill(products);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: products });
    await row.waitFor();
    await row.getByRole('button', { name: '分级历史' }).click();
    await page.getByTestId('grade-history').getByText('纳入监管').first().waitFor();
    await screenshot(page, 'product-quality-grade-history');
  });

  test('the sampling catalogue: the demo district’s 27 products, the 2021 plan’s progress, and an import with a bad row stores nothing', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/product-quality?tab=catalogue');
    await page
      .getByTestId('district-edition-size')
      .getByText(/15 大类 27 种产品/)
      .waitFor();
    await page.getByTestId('edition-samr-2021-national-plan').getByText('市场监管总局公告2021年第11号').waitFor();
    // The 2021 plan: 100 production + 120 circulation batches, all done.
    const plans = page.getByTestId('catalogue-plan-plans');
    await plans.getByRole('cell', { name: '100 / 100', exact: true }).waitFor();
    await plans.getByRole('cell', { name: '120 / 120', exact: true }).waitFor();

    const csv = ['产品类别,产品名称,依据标准,检验项目', '灯具,浏览器测试灯,GB 7000.1-2015,防触电保护', '灯具,,国标7000,标记'].join('\r\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`) });
    const summary = page.getByTestId('catalogue-import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('共 2 行，有错误，未导入任何产品');
    const errors = page.getByTestId('catalogue-import-errors');
    await errors.getByText('产品名称为空 / product is empty').waitFor();
    await errors.getByText(/标准编号格式有误：国标7000/).waitFor();
    expect(await page.getByTestId('district-edition-size').textContent()).toContain('15 大类 27 种产品');
    await screenshot(page, 'product-quality-catalogue');
  });

  test('an inspector recording an industrial sample picks the product from the catalogue: category, product and test items fill in', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/sampling');
    await page.getByTestId('new-sample').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('生产环节', { exact: true }).click();
    await drawer.getByTestId('sample-catalogue-product').click();
    await page.keyboard.type('木家具');
    await page.locator('.ant-select-item-option', { hasText: '家具 · 木家具' }).click();
    expect(await drawer.getByLabel('食品/产品类别').inputValue()).toBe('家具');
    await drawer.getByText('甲醛释放量').first().waitFor();
  });
});
