import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: 300 special-equipment users with their register; `equipment.user` keeps the first one's equipment.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

const phone = { width: 390, height: 844 };
/** A real 1×1 PNG: the server checks the first bytes, the browser shows it. */
const photo = {
  name: 'hazard.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
};
const json = async <T>(page: Page, url: string) => (await (await page.request.get(url)).json()) as T;

// Typing the day moves the open calendar to it; clicking its cell picks it. (Enter would also submit the form, racing the
// submit button the test clicks next.)
async function pickDate(page: Page, label: string, day: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(day);
  await page.locator(`.ant-picker-dropdown:visible td[title="${day}"]`).click();
}

describe('special equipment: the hazard loop', () => {
  test('an expert records a hazard on a phone, the station orders rectification, the user reports it, the station closes it', async () => {
    // The user's equipment and the station whose streets it is in.
    const user = await harness.newPage(phone, { isMobile: true });
    await signIn(user, 'equipment.user', 'Demo-Equipment-2026');
    const { items } = await json<{ items: { id: number; registrationCode: string }[] }>(
      user,
      '/api/v1/special-equipment/equipment?pageSize=1&status=in_use',
    );
    const equipment = items[0] as { id: number; registrationCode: string };
    expect(equipment).toBeDefined();
    let station: Page | undefined;
    let stationAccount = '';
    for (let n = 1; n <= 6 && !station; n++) {
      const candidate = await harness.newPage(phone, { isMobile: true });
      await signIn(candidate, `inspector${n}`, `Demo-Inspector${n}-2026`);
      if ((await candidate.request.get(`/api/v1/special-equipment/equipment/${equipment.id}`)).status() === 200) {
        station = candidate;
        stationAccount = `inspector${n}`;
      } else await candidate.close();
    }
    expect(stationAccount).not.toBe('');
    const inspector = station as Page;
    const description = '层门门锁啮合长度不足（电梯专项检查）';

    // 1. The third-party expert, on a phone, from the equipment's page, with a photo.
    const expert = await harness.newPage(phone, { isMobile: true });
    await signIn(expert, 'se.expert', 'Demo-Expert-2026');
    await expert.goto(`/special-equipment/equipment/${equipment.id}`);
    await expert.getByText('状态历史（在用、停用、报废）').waitFor();
    await expert.getByRole('button', { name: '录入隐患' }).click();
    await expert.getByLabel('隐患描述').fill(description);
    await expert.getByLabel('法律依据').fill('TSG T7001 附件A 6.9');
    await expert.getByLabel('发现专家').fill('第三方专家 林高工');
    await expert.getByText('严重隐患').click();
    await expert.getByTestId('hazard-photos').setInputFiles(photo);
    await screenshot(expert, 'special-equipment-hazard-phone');
    await expert.getByRole('button', { name: '提交隐患' }).click();
    await expert.getByRole('img', { name: '隐患照片第1张' }).waitFor();
    const hazardUrl = new URL(expert.url()).pathname;
    expect(hazardUrl).toMatch(/^\/special-equipment\/hazards\/\d+$/);
    expect(await expert.getByRole('button', { name: '下达整改指令' }).count()).toBe(0); // the station's step, not the expert's

    // 2. The station orders rectification with a deadline.
    await inspector.goto(hazardUrl);
    await inspector.getByText('下达整改指令').first().waitFor();
    const today = await inspector.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const deadline = await inspector.evaluate((day) => {
      const date = new Date(`${day}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + 15);
      return date.toISOString().slice(0, 10);
    }, today);
    await pickDate(inspector, '整改期限', deadline);
    await inspector.getByRole('button', { name: '下达整改指令' }).click();
    await inspector.getByText('整改中').first().waitFor();

    // 3. The user reports the rectification on a phone.
    await user.goto('/special-equipment/hazards');
    await user.getByRole('link', { name: description, exact: true }).click();
    await user.getByLabel('整改情况').fill('已更换层门门锁并调整啮合长度至 8mm，维保单位签字确认');
    await user.getByTestId('hazard-photo-rectified').setInputFiles(photo);
    await user.getByRole('img', { name: '整改照片（佐证）第1张' }).waitFor();
    await screenshot(user, 'special-equipment-rectification-phone');
    await user.getByRole('button', { name: '提交整改报告' }).click();
    await user.getByText('待复查').first().waitFor();

    // 4. The station re-checks and closes it.
    await inspector.goto(hazardUrl);
    await inspector.getByLabel('复查意见').fill('现场复查，门锁啮合长度符合要求');
    await inspector.getByRole('button', { name: '提交复查结论' }).click();
    await inspector.getByText('已销号').first().waitFor();
    await screenshot(inspector, 'special-equipment-hazard-closed');
  });

  test('section staff read the register, the overdue list and the rates with 2020 at 100%', async () => {
    const page = await harness.newPage();
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/special-equipment');
    await page.getByRole('columnheader', { name: '注册代码' }).waitFor();
    await page.goto('/special-equipment/due');
    await page.getByRole('tab', { name: '已超期' }).waitFor();
    await page.goto('/special-equipment/cycles');
    await page.getByText('现行').first().waitFor();
    await page.goto('/special-equipment/operators?tab=plans');
    await page.getByText('明州区特种设备事故应急预案').first().waitFor();
    await page.goto('/special-equipment/rates?on=2020-12-31&by=kind');
    await page.getByText('定检率').first().waitFor();
    const rates = await json<{ overall: { periodicInspection: { percent: number } } }>(
      page,
      '/api/v1/special-equipment/rates?on=2020-12-31',
    );
    expect(rates.overall.periodicInspection.percent).toBe(100);
    await screenshot(page, 'special-equipment-rates');
  });
});
