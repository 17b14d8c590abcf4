import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayInChina } from '../shared/calendar-day.ts';
import { type Harness, screenshot, signIn, startHarness } from './harness.ts';

// Sampling on the demo district: a sample is recorded through the API by section staff, the lab works it
// blind on a phone, and the bureau notifies the result. The lab's pages never show the source.
const section = { username: 'food.section', password: 'Demo-Section-2026' };
const lab = { username: 'lab', password: 'Demo-Lab-2026!' };

let harness: Harness;
let cookie = '';
let sample: { id: number; blindCode: string; entityName: string; entityCreditCode: string; batchNo: string };

async function apiCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  const login = await fetch(`${harness.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(section),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const today = todayInChina(new Date());
  const entities = await apiCall<{ items: { id: number }[] }>('GET', '/entities?category=catering&status=active&pageSize=1');
  const samplers = await apiCall<{ id: number }[]>('GET', '/sampling/samplers');
  const labs = await apiCall<{ id: number }[]>('GET', '/sampling/labs');
  const created = await apiCall<typeof sample>('POST', '/sampling/samples', {
    entityId: entities.items[0]?.id,
    link: 'catering',
    category: '餐饮食品',
    productType: '油炸面制品',
    productName: '油条',
    batchNo: 'E2E-BATCH-42',
    samplerIds: samplers.slice(0, 2).map((sampler) => sampler.id),
    entityConfirmedBy: '店主',
    testMethod: 'lab',
    testItems: ['铝的残留量（干样品，以Al计）'],
    sampledOn: today,
  });
  await apiCall('POST', `/sampling/samples/${created.id}/send`, { labId: labs[0]?.id, sentOn: today });
  sample = created;
}, 300_000);

afterAll(async () => {
  await harness?.stop();
});

describe('sampling with blind testing', () => {
  test('the lab, on a phone, receives the blind sample and enters a failing result without ever seeing its source', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, lab.username, lab.password);
    await page.goto('/sampling/lab');
    await page.getByTestId(`lab-sample-${sample.blindCode}`).click();
    await page.getByTestId('lab-receive').click();
    await page.getByTestId('result-measured-0').waitFor();
    await page.getByTestId('result-measured-0').fill('286');
    // Nothing is pre-judged, a required item cannot be removed, and an unjudged item stops the submission.
    expect(await page.locator('.ant-drawer .ant-radio-button-wrapper-checked').count()).toBe(0);
    expect(await page.locator('.ant-drawer .anticon-minus-circle').count()).toBe(0);
    await page.getByTestId('submit-results').click();
    await page.getByText('请判定该项目合格或不合格').waitFor();
    expect(await page.getByTestId('lab-conclusion').textContent()).toBe('—');
    await page.locator('.ant-drawer .ant-radio-button-wrapper').getByText('不合格', { exact: true }).click();
    await page.getByTestId('submit-results').click();
    await expect.poll(async () => page.getByTestId('lab-conclusion').textContent()).toBe('不合格');
    await screenshot(page, 'sampling-lab-phone');
    const text = (await page.content()) + ((await page.locator('body').textContent()) ?? '');
    for (const secret of [sample.entityName, sample.entityCreditCode, 'E2E-BATCH-42', '店主']) expect(text).not.toContain(secret);
  });

  test('section staff notify the unqualified result; the handling task and the statistics follow', async () => {
    const page = await harness.newPage({ width: 1366, height: 900 });
    await signIn(page, section.username, section.password);
    await page.goto(`/sampling/samples/${sample.id}`);
    await page.getByTestId('step-notify').click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(async () => page.getByTestId('final-verdict').textContent()).toBe('不合格');
    await screenshot(page, 'sampling-sample-desktop');
    // Ordered by due date: the demo's older tasks come first (over a hundred since the 2020 industrial batches), so ask
    // for the open ones, on one long page.
    await page.goto('/sampling/handling?status=open&pageSize=100');
    await page.getByText(sample.entityName).first().waitFor();
    await page.goto('/sampling/statistics?year=2020');
    await page.getByText('合格率').first().waitFor();
  });
});
