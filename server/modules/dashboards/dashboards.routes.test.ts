import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { seedComplaintsDemo } from '../complaints/index.ts';
import type { NewScreenTokenView, ScreenTokenList, ScreenView } from './dashboards.schemas.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
const binary = apiCaller(() => app, { binary: true });

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  await seedComplaintsDemo(home.ctx, {
    districtCode: home.code,
    random: seeded(5),
    today: '2026-03-02',
    year: 2025,
    acceptedThisYear: 40,
    acceptedLastYear: 25,
    petitionsClosed: 3,
    surveyAnswers: [10, 1, 1],
    openItems: 4,
  });
}, 120_000);

afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const screen = (token: string | undefined) =>
  app.inject({ method: 'GET', url: '/api/screen/v1/district', headers: token === undefined ? {} : { 'x-screen-token': token } });

describe('the big screen and its tokens', () => {
  it('opens with a leader’s token and no sign-in, shows only counts and rates, and stops once the token is revoked', async () => {
    const created = await call(home.users.leader.username, 'POST', '/api/v1/screen-tokens', { label: '指挥中心大屏' });
    expect(created.status).toBe(201);
    const token = created.body as NewScreenTokenView;
    expect(token.token).toMatch(new RegExp(`^${home.code}\\.[A-Za-z0-9_-]{43}$`));
    expect(token.url).toBe(`/screen/district#token=${token.token}`);

    const shown = await screen(token.token);
    expect(shown.statusCode).toBe(200);
    const data = shown.json() as ScreenView;
    expect(data.year).toBe(2026);
    expect(data.figures.map((figure) => figure.key)).toContain('complaints.accepted');
    expect(data.complaintTrend.thisYear).toHaveLength(12);
    expect(data.complaintTrend.lastYear.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(40);
    expect(data.samplingPassRate.map((row) => row.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(data.alerts.map((alert) => alert.key)).toEqual([
      'complaintsOverdue',
      'casesOverdue',
      'certificatesExpiring',
      'samplesUnhandled',
      'inspectionsOverdue',
    ]);
    // No personal data: no phone numbers, ID numbers or masked values anywhere in the answer.
    expect(shown.body).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]|\*\*\*/);

    const listed = await call(home.users.admin.username, 'GET', '/api/v1/screen-tokens');
    const items = (listed.body as ScreenTokenList).items;
    expect(items).toEqual([expect.objectContaining({ id: token.id, label: '指挥中心大屏', revokedAt: null })]);
    expect(items[0]?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(token.token.split('.')[1] as string);

    const revoked = await call(home.users.leader.username, 'POST', `/api/v1/screen-tokens/${token.id}/revoke`);
    expect(revoked.status).toBe(200);
    const refused = await screen(token.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a missing, malformed or unknown token alike, and lets only leaders and admins manage tokens', async () => {
    for (const token of [undefined, 'nonsense', `${home.code}.${'A'.repeat(43)}`]) expect((await screen(token)).statusCode).toBe(401);
    expect((await call(home.users.inspector1.username, 'POST', '/api/v1/screen-tokens', { label: 'x' })).status).toBe(403);
    expect((await call(home.users.section.username, 'GET', '/api/v1/screen-tokens')).status).toBe(403);
    const bad = await call(home.users.leader.username, 'POST', '/api/v1/screen-tokens', { label: '', extra: 1 });
    expect(bad.status).toBe(400);
  });

  it('cannot revoke another district’s token', async () => {
    const created = await call(other.users.leader.username, 'POST', '/api/v1/screen-tokens', { label: 'other' });
    const id = (created.body as NewScreenTokenView).id;
    expect((await call(home.users.leader.username, 'POST', `/api/v1/screen-tokens/${id}/revoke`)).status).toBe(404);
    expect((await screen((created.body as NewScreenTokenView).token)).statusCode).toBe(200);
  });
});

describe('GET /api/v1/dashboards/figures.xlsx', () => {
  it('gives every figure of the period with the period before, numbers kept as numbers', async () => {
    const response = await binary(home.users.section.username, 'GET', '/api/v1/dashboards/figures.xlsx?period=2025');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['指标代码', '指标', '2025', '单位', '2024']);
    const accepted = sheet?.getColumn(1).values.indexOf('complaints.accepted') ?? -1;
    expect(accepted).toBeGreaterThan(1);
    expect(sheet?.getRow(accepted).getCell(3).value).toBe(40);
    expect(sheet?.getRow(accepted).getCell(3).numFmt).toBe('#,##0');
    expect((await call(home.users.operator.username, 'GET', '/api/v1/dashboards/figures.xlsx?period=2025')).status).toBe(403);
  });
});
