import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInChina } from '../shared/calendar-day.ts';
import { creditCodeCheckCharacter } from '../shared/credit-code.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// The demo district: annual reports since the 2018 reports, their non-filers listed, a few moved to the serious list.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

const publicPageText = async (path: string) => {
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
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const html = await page.content();
    expect(html).not.toContain('<script');
    await screenshot(page, 'credit-public-record');
    return html;
  } finally {
    await context.close();
  }
};

describe('credit supervision', () => {
  test('a station lists an enterprise that did not file; it files and applies; the station removes it; the public page follows', async () => {
    const page = await harness.newPage();
    await signIn(page, 'inspector1', 'Demo-Inspector1-2026');
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { districtCode: string };
    // A street of the station: the demo's listings the inspector sees are on it.
    const seen = (await (await page.request.get('/api/v1/credit/abnormal-listings?pageSize=1')).json()) as {
      items: { streetCode: string }[];
    };
    const streetCode = seen.items[0]?.streetCode as string;
    expect(streetCode).toMatch(/^\d{9}$/);

    // The registration office registered an enterprise in 2024: it had to file its 2025 report by 30 June 2026, and did not.
    const section = await harness.newPage();
    await signIn(section, 'food.section', 'Demo-Section-2026');
    const body = `91${me.districtCode}${String(Date.now() % 1e8).padStart(8, '0')}1`;
    const creditCode = body + creditCodeCheckCharacter(body);
    const name = `信用旅程贸易有限公司${String(Date.now() % 1e4)}`;
    const created = await section.request.post('/api/v1/entities', {
      data: {
        creditCode,
        name,
        kind: 'enterprise',
        legalRepName: '赵六',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'F52',
        foundedOn: '2024-03-01',
        address: '信用路8号',
        streetCode,
        businessCategory: 'other',
      },
    });
    expect(created.status()).toBe(201);
    const entityId = ((await created.json()) as { id: number }).id;

    // The station lists it.
    await page.goto('/credit?tab=abnormal');
    await page.getByTestId('listing-entity').click();
    await page.keyboard.type(name);
    await page.locator('.ant-select-item-option', { hasText: name }).click();
    await page.getByTestId('submit-listing').click();
    await page.getByText('已列入').first().waitFor();
    await screenshot(page, 'credit-listing');
    expect(await publicPageText(`/public/credit/${me.districtCode}/${creditCode}`)).toContain('未按照规定期限公示年度报告');

    // The enterprise files its report online (the bureau learns it from the registration system), then applies.
    const filed = await page.request.post('/api/v1/credit/annual-reports', {
      data: { entityId, reportYear: 2025, filedOn: new Date().toISOString().slice(0, 10), channel: 'online' },
    });
    expect(filed.status()).toBe(200);
    await page.reload();
    const row = page.locator('tr', { hasText: name });
    await row.getByRole('button', { name: '申请信用修复' }).click();
    await page.getByTestId('repair-statement').fill('已补报2025年度报告并公示，申请移出经营异常名录');
    // antd spaces a two-character label (提 交): press the dialog's primary button.
    await page.getByRole('dialog').locator('button.ant-btn-primary').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The station approves: the listing is removed.
    await page.goto('/credit?tab=repairs');
    const application = page.locator('tr', { hasText: name });
    await application.getByRole('button', { name: '核准移出' }).click();
    await page.getByRole('dialog').locator('button.ant-btn-primary').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(page, 'credit-repairs');

    const after = await publicPageText(`/public/credit/${me.districtCode}/${creditCode}`);
    expect(after).not.toContain('未按照规定期限公示年度报告');
    expect(after).toContain('未列入');
  });

  test('an objection to a listing is accepted and upheld in the objections tab; the public page follows; an unknown code gets a page', async () => {
    const section = await harness.newPage();
    await signIn(section, 'food.section', 'Demo-Section-2026');
    const me = (await (await section.request.get('/api/v1/auth/me')).json()) as { districtCode: string };
    const station = await harness.newPage();
    await signIn(station, 'inspector1', 'Demo-Inspector1-2026');
    const seen = (await (await station.request.get('/api/v1/credit/abnormal-listings?pageSize=1')).json()) as {
      items: { streetCode: string }[];
    };
    const body = `91${me.districtCode}${String((Date.now() + 7) % 1e8).padStart(8, '0')}2`;
    const creditCode = body + creditCodeCheckCharacter(body);
    const name = `异议旅程有限公司${String(Date.now() % 1e4)}`;
    const created = await section.request.post('/api/v1/entities', {
      data: {
        creditCode,
        name,
        kind: 'enterprise',
        legalRepName: '钱七',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'F52',
        foundedOn: '2024-03-01',
        address: '异议路3号',
        streetCode: seen.items[0]?.streetCode,
        businessCategory: 'other',
      },
    });
    expect(created.status()).toBe(201);
    const entityId = ((await created.json()) as { id: number }).id;
    const today = todayInChina(new Date());
    const listed = await section.request.post('/api/v1/credit/abnormal-listings', {
      data: { entityId, reason: 'unreachable_at_address', decidedOn: today },
    });
    expect(listed.status()).toBe(201);
    const listingId = ((await listed.json()) as { id: number }).id;

    // The entity objects (staff file it for the entity here) on the abnormal-list tab.
    await station.goto('/credit?tab=abnormal');
    await station.getByTestId(`object-${listingId}`).click();
    await station.getByTestId('objection-grounds').fill('登记住所有人值守，核查当日未敲门');
    await station.getByRole('dialog').locator('button.ant-btn-primary').click();
    await station.getByRole('dialog').waitFor({ state: 'detached' });

    // The station accepts it, then upholds it: the listing is revoked.
    const objections = (await (await station.request.get(`/api/v1/credit/objections?isOpen=true&entityId=${entityId}`)).json()) as {
      items: { id: number }[];
    };
    const objectionId = objections.items[0]?.id as number;
    await station.goto('/credit?tab=objections');
    // antd spaces two-character labels (受 理): the buttons are found by their test ids.
    await station.getByTestId(`accept-${objectionId}`).click();
    await station.getByRole('dialog').locator('button.ant-btn-primary').click();
    await station.getByRole('dialog').waitFor({ state: 'detached' });
    await station.getByTestId(`uphold-${objectionId}`).click();
    await station.getByTestId('objection-note').fill('经复核可以联系，列入有误');
    await station.getByRole('dialog').locator('button.ant-btn-primary').click();
    await station.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(station, 'credit-objections');
    const after = await publicPageText(`/public/credit/${me.districtCode}/${creditCode}`);
    expect(after).not.toContain('通过登记的住所或者经营场所无法联系');

    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, javaScriptEnabled: false, locale: 'zh-CN' });
    try {
      const unknown = await context.newPage();
      const response = await unknown.goto(`/public/credit/${me.districtCode}/91${me.districtCode}0000000000`);
      expect(response?.status()).toBe(404);
      expect(await unknown.content()).toContain('未找到信用记录');
    } finally {
      await context.close();
    }
  });

  test('section staff see the filing rate by street and kind on a phone', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'food.section', 'Demo-Section-2026');
    await page.goto('/credit');
    await page.getByText('年度报告公示率').first().waitFor();
    await page.getByText('个体工商户').first().waitFor();
    await screenshot(page, 'credit-filing-rate-phone');
  });
});
