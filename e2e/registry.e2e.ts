import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creditCodeCheckCharacter } from '../shared/credit-code.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The registry on the demo district (server/demo): 51,632 entities, demo accounts of every role.
const section = { username: 'food.section', password: 'Demo-Section-2026' };
const inspector = { username: 'inspector1', password: 'Demo-Inspector1-2026' };
const twoCharacters = '餐饮';

let harness: Harness;
let folder: string;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  folder = await mkdtemp(join(tmpdir(), 'zhijian-e2e-import-'));
}, 300_000);

afterAll(async () => {
  await harness?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The list's total ("共 950 条" / "超过 10000 条") as a number. */
async function listTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('entity-total').first().textContent()) ?? '';
  const digits = text.replace(/[^0-9]/g, '');
  expect(digits, `total text: ${text}`).not.toBe('');
  return Number(digits);
}

/** Searches from the box and waits until the rows shown are the answer (every name holds the query). */
async function searchFor(page: Page, query: string, rowTestId = 'entity-link'): Promise<void> {
  const box = page.getByTestId('entity-search').locator('input');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  await waitForRows(page, query, rowTestId);
}

async function waitForRows(page: Page, query: string, rowTestId: string): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await page.getByTestId(rowTestId).allTextContents();
      const isLoading = (await page.locator('.ant-spin-spinning').count()) > 0;
      return !isLoading && texts.length > 0 && texts.every((text) => text.includes(query));
    })
    .toBe(true);
}

/** A valid individual-business credit code of the demo district that the demo generator never makes (all digits). */
function creditCode(serial: number): string {
  const body = `92330212${String(serial).padStart(8, '0')}0`;
  return body + creditCodeCheckCharacter(body);
}

let sectionTotal = 0;

describe('the registry', () => {
  test('section staff search two Chinese characters, open an entity and see its licences, timeline and a revealed phone', async () => {
    const page = await harness.newPage({ width: 1366, height: 900 });
    await signIn(page, section.username, section.password);
    await page.getByTestId('nav-menu').getByText('市场主体').click();
    await page.getByTestId('nav-menu').getByText('主体名录').click();
    await page.waitForURL(/\/registry$/);
    await page.getByTestId('entity-table').waitFor();

    await searchFor(page, twoCharacters);
    sectionTotal = await listTotal(page);
    expect(sectionTotal).toBeGreaterThan(0);
    const names = await page.getByTestId('entity-link').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain(twoCharacters);
    await screenshot(page, 'registry-list-desktop');

    // A filter goes into the URL too, and narrows the list.
    await page.getByTestId('filter-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '个体工商户' }).click();
    await page.waitForURL(/kind=individual/);
    await expect.poll(() => listTotal(page)).toBeLessThan(sectionTotal);
    await waitForRows(page, twoCharacters, 'entity-link');

    await page.getByTestId('entity-link').first().click();
    await page.waitForURL(/\/registry\/entities\/\d+$/);
    expect(await page.getByTestId('entity-name').textContent()).toContain(twoCharacters);
    // Catering businesses hold a food business licence (JY…); the timeline shows it and the registration.
    const licences = page.getByTestId('entity-licences');
    await licences.getByText('食品经营许可证').first().waitFor();
    await licences
      .getByText(/^JY\d{14}$/)
      .first()
      .waitFor();
    const timeline = page.getByTestId('entity-timeline');
    await timeline.getByText(/登记成立/).waitFor();
    await timeline.getByText(/食品经营许可证/).waitFor();

    // The phone is masked; showing it asks for a reason and shows it once.
    const masked = (await page.getByTestId('masked-phone').textContent()) ?? '';
    expect(masked).toContain('****');
    await page.getByTestId('reveal-phone').click();
    await page.getByTestId('reveal-form').getByRole('textbox').fill('核实投诉举报反映的情况');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /查\s*看/ })
      .click();
    const revealed = page.getByTestId('revealed-value');
    await revealed.waitFor();
    const phone = (await revealed.textContent()) ?? '';
    expect(phone).toMatch(/^[0-9+\- ]{7,}$/);
    expect(phone.slice(-4)).toBe(masked.slice(-4));
    await screenshot(page, 'registry-reveal');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await revealed.waitFor({ state: 'detached' });
    await screenshot(page, 'registry-entity-desktop');
  });

  test('an inspector on a phone sees only their station’s streets: the same search finds fewer entities', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, inspector.username, inspector.password);
    await page.goto(`/registry?q=${encodeURIComponent(twoCharacters)}`);
    await waitForRows(page, twoCharacters, 'entity-card');
    const inspectorTotal = await listTotal(page);
    expect(inspectorTotal).toBeGreaterThan(0);
    expect(inspectorTotal).toBeLessThan(sectionTotal);
    await screenshot(page, 'registry-list-phone');

    await page.getByTestId('entity-card').first().click();
    await page.waitForURL(/\/registry\/entities\/\d+$/);
    await page.getByTestId('entity-licences').waitFor();
    await page
      .getByTestId('entity-timeline')
      .getByText(/登记成立/)
      .waitFor();
    // An inspector may reveal but not register or change a status.
    expect(await page.getByTestId('status-change').count()).toBe(0);
    await screenshot(page, 'registry-entity-phone');
  });

  test('section staff import a csv: dry run with one rejected row, commit, and the list finds the new entity', async () => {
    const page = await harness.newPage({ width: 1366, height: 900 });
    await signIn(page, section.username, section.password);
    const streets = (await (await page.context().request.get('/api/v1/org/streets')).json()) as { items: { name: string }[] };
    const streetName = streets.items[0]?.name ?? '';
    expect(streetName).not.toBe('');

    const serial = Date.now() % 10_000_000;
    const good = [creditCode(serial), creditCode(serial + 1)];
    const bad = creditCode(serial + 2);
    const wrongCheck = bad.slice(0, 17) + (bad.endsWith('0') ? '1' : '0');
    const newName = `浏览器测试甲乙面馆${serial}`;
    const lines = [
      ['统一社会信用代码', '企业名称', '类型', '法定代表人', '成立日期', '注册资本(万元)', '住所', '所属街道', '行业'],
      [good[0], newName, '个体工商户', '王五', '2024-03-01', '', '中河路8号', streetName, 'H62'],
      [good[1], `浏览器测试丙丁商贸有限公司${serial}`, '有限责任公司', '赵六', '2023-07-15', '100', '钟公庙路9号', streetName, 'F51'],
      [wrongCheck, '校验位错误的公司', '有限责任公司', '钱七', '2022-01-01', '50', '某路1号', streetName, 'F52'],
    ];
    const file = join(folder, 'registry-extract.csv');
    await writeFile(file, `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`);

    await page.goto('/registry/import');
    await page.locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect.poll(async () => page.getByTestId('import-count-new').locator('.ant-statistic-content-value').textContent()).toBe('2');
    expect(await page.getByTestId('import-count-rejected').locator('.ant-statistic-content-value').textContent()).toBe('1');
    // The rejected tab opens first: row 4 (the header is row 1) with the reason.
    const rows = page.getByTestId('import-rows');
    await rows.getByRole('cell', { name: '4', exact: true }).waitFor();
    await rows.getByText(/校验/).waitFor();
    expect(await page.getByTestId('import-error-report').getAttribute('href')).toMatch(/\/api\/v1\/registry\/imports\/\d+\/errors\.csv$/);
    await page.getByTestId('import-mapping').getByText('统一社会信用代码').first().waitFor();
    await screenshot(page, 'registry-import-dry-run');

    await page.getByTestId('import-commit').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('import-committed').waitFor();
    await screenshot(page, 'registry-import-committed');

    await page.goto('/registry');
    await searchFor(page, newName);
    await page.getByTestId('entity-link').filter({ hasText: newName }).waitFor();
    expect(await listTotal(page)).toBe(1);
  });
});
