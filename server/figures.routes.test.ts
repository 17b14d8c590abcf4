import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFigures } from './app.ts';
import { seedComplaintsDemo } from './modules/complaints/index.ts';
import { seedEnforcementDemo } from './modules/enforcement/index.ts';
import type { FigureRecordsView, FiguresView, FigureView } from './platform/figures/figures.schemas.ts';
import type { AppInstance } from './platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from './test/factories.ts';
import { apiCaller } from './test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from './test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const call = apiCaller(() => app);
const as = (user: keyof TestDistrict['users']) => home.users[user].username;

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
  await seedComplaintsDemo(home.ctx, {
    districtCode: home.code,
    random: seeded(7),
    today: '2026-03-02',
    year: 2020,
    acceptedThisYear: 30,
    acceptedLastYear: 20,
    petitionsClosed: 4,
    surveyAnswers: [18, 1, 1],
    openItems: 2,
  });
  await seedEnforcementDemo(home.ctx, {
    districtCode: home.code,
    random: seeded(11),
    today: '2026-03-02',
    year: 2020,
    closedCases: 12,
    majorCases: 3,
    totalAmountYuan: '400000',
    majorAmountYuan: '300000',
    openCases: 2,
  });
}, 120_000);

afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const figureOf = (view: FiguresView, key: string) => view.items.find((item) => item.key === key) as FigureView;

describe('GET /api/v1/figures', () => {
  it('gives every figure of a year with the year before and the change', async () => {
    const response = await call(as('leader'), 'GET', '/api/v1/figures?period=2020');
    expect(response.status).toBe(200);
    const view = response.body as FiguresView;
    expect(view.period).toEqual({ kind: 'year', label: '2020', from: '2020-01-01', to: '2020-12-31' });
    expect(view.comparedWith).toEqual({ kind: 'year', label: '2019', from: '2019-01-01', to: '2019-12-31' });
    expect(view.items.map((item) => item.key)).toEqual(allFigures().map((figure) => figure.key));
    expect(figureOf(view, 'complaints.accepted')).toMatchObject({ value: 30, previous: 20, change: 10, changePercent: 50 });
    expect(figureOf(view, 'complaints.petitions-closed').value).toBe(4);
    expect(figureOf(view, 'complaints.satisfaction')).toMatchObject({ value: 95, kind: 'rate', changePercent: null });
    expect(figureOf(view, 'enforcement.closed').value).toBe(12);
    expect(figureOf(view, 'enforcement.major-closed').value).toBe(3);
    expect(figureOf(view, 'enforcement.penalty-amount')).toMatchObject({ value: 400_000, unit: { 'zh-CN': '元', en: 'yuan' } });
    expect(figureOf(view, 'enforcement.major-penalty-amount').value).toBe(300_000);
    expect(figureOf(view, 'complaints.accepted').name).toEqual({ 'zh-CN': '受理投诉举报', en: 'Complaints and reports accepted' });
  });

  it('splits a figure by station, street or category, the parts adding up to the whole', async () => {
    for (const breakdown of ['station', 'street', 'category'] as const) {
      const view = (await call(as('leader'), 'GET', `/api/v1/figures?period=2020&breakdown=${breakdown}&module=complaints`))
        .body as FiguresView;
      const accepted = figureOf(view, 'complaints.accepted');
      expect(accepted.breakdown?.length).toBeGreaterThan(0);
      expect(accepted.breakdown?.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(30);
    }
    const byStation = (await call(as('leader'), 'GET', '/api/v1/figures?period=2020&breakdown=station&keys=enforcement.penalty-amount'))
      .body as FiguresView;
    expect(byStation.items).toHaveLength(1);
    const rows = byStation.items[0]?.breakdown ?? [];
    expect(rows.map((row) => row.label).sort()).toEqual(['一所', '二所'].filter((name) => rows.some((row) => row.label === name)).sort());
    expect(rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(400_000);
  });

  it('takes quarters, months and ranges, compared with the period just before or a year earlier', async () => {
    const quarter = (await call(as('leader'), 'GET', '/api/v1/figures?period=2020-Q1&module=complaints')).body as FiguresView;
    expect(quarter.period).toMatchObject({ kind: 'quarter', from: '2020-01-01', to: '2020-03-31' });
    expect(quarter.comparedWith).toMatchObject({ label: '2019-Q4', from: '2019-10-01', to: '2019-12-31' });
    const march = (await call(as('leader'), 'GET', '/api/v1/figures?period=2020-03&compare=year&module=complaints')).body as FiguresView;
    expect(march.comparedWith).toMatchObject({ label: '2019-03', from: '2019-03-01', to: '2019-03-31' });
    const range = (await call(as('leader'), 'GET', '/api/v1/figures?period=2020-01-01..2020-12-31&module=complaints')).body as FiguresView;
    expect(range.period.kind).toBe('range');
    expect(figureOf(range, 'complaints.accepted').value).toBe(30);
    // The 366 days of 2020 are compared with the 366 days just before them.
    expect(range.comparedWith).toMatchObject({ from: '2018-12-31', to: '2019-12-31' });
    let quarters = 0;
    for (const q of [1, 2, 3, 4]) {
      const view = (await call(as('leader'), 'GET', `/api/v1/figures?period=2020-Q${q}&keys=complaints.accepted`)).body as FiguresView;
      quarters += view.items[0]?.value ?? 0;
    }
    expect(quarters).toBe(30);
  });

  it('gives a figure month by month, the months adding up to the year', async () => {
    const response = await call(as('leader'), 'GET', '/api/v1/figures/enforcement.closed/series?period=2020');
    expect(response.status).toBe(200);
    const items = (response.body as { items: { period: string; value: number }[] }).items;
    expect(items.map((item) => item.period)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2020-${String(index + 1).padStart(2, '0')}`),
    );
    expect(items.reduce((sum, item) => sum + item.value, 0)).toBe(12);
  });

  it('counts only an inspector’s own station: the two stations’ inspectors together make the district', async () => {
    const leader = (await call(as('leader'), 'GET', '/api/v1/figures?period=2020')).body as FiguresView;
    const one = (await call(as('inspector1'), 'GET', '/api/v1/figures?period=2020')).body as FiguresView;
    const two = (await call(as('inspector2'), 'GET', '/api/v1/figures?period=2020')).body as FiguresView;
    for (const key of ['complaints.accepted', 'enforcement.closed', 'enforcement.penalty-amount']) {
      const [first, second] = [figureOf(one, key).value ?? 0, figureOf(two, key).value ?? 0];
      expect(Math.max(first, second)).toBeLessThan(figureOf(leader, key).value ?? 0);
      expect(first + second).toBe(figureOf(leader, key).value);
    }
  });

  it('refuses a period it cannot read with a 400 naming the field, in the caller’s language', async () => {
    for (const period of [
      '2020-13',
      '20',
      '2020-Q5',
      '2020-02-30..2020-03-01',
      '2020-06-01..2020-01-01',
      '1900',
      '2000-01-01..2019-01-01',
    ]) {
      const response = await call(as('leader'), 'GET', `/api/v1/figures?period=${encodeURIComponent(period)}`);
      expect(response.status, period).toBe(400);
      expect(
        (response.body as { errors: { field: string }[] }).errors.map((error) => error.field),
        period,
      ).toEqual(['period']);
    }
    const english = await app.inject({
      method: 'GET',
      url: '/api/v1/figures?period=2020-06-01..2020-01-01&breakdown=colour',
      headers: { cookie: await call.cookieOf(as('leader')), 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().errors.map((error: { field: string }) => error.field)).toEqual(['breakdown']);
    const reversed = await app.inject({
      method: 'GET',
      url: '/api/v1/figures?period=2020-06-01..2020-01-01',
      headers: { cookie: await call.cookieOf(as('leader')), 'accept-language': 'en' },
    });
    expect(reversed.json().errors).toEqual([
      { in: 'querystring', field: 'period', code: 'period', message: 'the end cannot be before the start' },
    ]);
  });

  it('is for staff: an operator or a lab gets 403, nobody signed in 401', async () => {
    expect((await call(as('operator'), 'GET', '/api/v1/figures?period=2020')).status).toBe(403);
    expect((await call(as('lab'), 'GET', '/api/v1/figures/complaints.accepted/records?period=2020')).status).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/figures?period=2020' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/reports/annual and inspector consistency', () => {
  it('gives the leader the year’s report as .docx and as content for the printable page', async () => {
    const docx = await app.inject({
      method: 'GET',
      url: '/api/v1/reports/annual?year=2020',
      headers: { cookie: await call.cookieOf(as('leader')) },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The charts go in as SVG with a PNG for word processors without SVG (file names are stored uncompressed).
    expect(docx.rawPayload.includes('.svg')).toBe(true);
    expect(docx.rawPayload.includes('.png')).toBe(true);
    const content = await call(as('section'), 'GET', '/api/v1/reports/annual/content?year=2020');
    expect(content.status).toBe(200);
    const report = content.body as {
      sections: { chart?: { categories: string[]; series: { name: string; values: (number | null)[] }[] } }[];
      keyFigures: { key: string; value: number | null; previous: number | null }[];
    };
    const chart = report.sections.flatMap((section) => (section.chart ? [section.chart] : []))[1];
    const accepted = report.keyFigures.find((figure) => figure.key === 'complaints.accepted');
    expect(chart?.categories).toHaveLength(12);
    expect(chart?.series.map((series) => series.name)).toEqual(['2020年', '2019年']);
    // The months add up to the year's figure, for both years.
    const sum = (values: (number | null)[] | undefined) => (values ?? []).reduce<number>((total, value) => total + (value ?? 0), 0);
    expect(sum(chart?.series[0]?.values)).toBe(accepted?.value);
    expect(sum(chart?.series[1]?.values)).toBe(accepted?.previous);
    const sentences = (
      content.body as { sections: { sentences: { segments: { kind: string; text: string; key?: string }[] }[] }[] }
    ).sections.flatMap((section) => section.sentences);
    const segments = sentences.flatMap((sentence) => sentence.segments);
    expect(segments.find((segment) => segment.key === 'enforcement.closed')).toEqual({
      kind: 'figure',
      text: '12',
      key: 'enforcement.closed',
    });
    expect(segments.find((segment) => segment.key === 'enforcement.penalty-amount')).toEqual({
      kind: 'figure',
      text: '40.00',
      key: 'enforcement.penalty-amount',
    });
    expect(segments.filter((segment) => segment.kind === 'placeholder').map((segment) => segment.text)).toContain('网办率');
  });

  it('keeps the report and inspector consistency to leaders and section staff', async () => {
    expect((await call(as('inspector1'), 'GET', '/api/v1/reports/annual?year=2020')).status).toBe(403);
    expect((await call(as('inspector1'), 'GET', '/api/v1/food-safety/inspector-consistency?year=2020')).status).toBe(403);
    const view = await call(as('leader'), 'GET', '/api/v1/food-safety/inspector-consistency?year=2020');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ year: 2020, cutOffsTenths: [60, 75, 90] });
    expect((await call(as('leader'), 'GET', '/api/v1/reports/annual?year=20')).status).toBe(400);
  });
});

describe('GET /api/v1/figures/{key}/records', () => {
  async function allRecords(user: keyof TestDistrict['users'], key: string, period: string) {
    const items: FigureRecordsView['items'] = [];
    for (let page = 1; ; page++) {
      const response = await call(as(user), 'GET', `/api/v1/figures/${key}/records?period=${period}&page=${page}&pageSize=7`);
      expect(response.status).toBe(200);
      const view = response.body as FigureRecordsView;
      items.push(...view.items);
      if (items.length >= view.total || view.items.length === 0) return { view, items };
    }
  }

  it('lists the records behind every figure, adding up to it', async () => {
    for (const figure of allFigures()) {
      const { view, items } = await allRecords('leader', figure.key, '2020');
      expect(items).toHaveLength(view.total);
      if (figure.kind === 'count') expect(view.total, figure.key).toBe(view.value);
      if (figure.kind === 'sum')
        expect(Math.round(items.reduce((sum, item) => sum + (item.amount ?? 0), 0) * 100) / 100, figure.key).toBe(view.value);
      if (figure.kind === 'rate' && view.total > 0)
        expect(Math.round((items.filter((item) => item.isCounted).length / view.total) * 10_000) / 100, figure.key).toBe(view.value);
    }
  });

  it('gives each record a place, a date and a link to its page; an inspector only their station’s', async () => {
    const { items } = await allRecords('leader', 'enforcement.closed', '2020');
    expect(items[0]).toMatchObject({
      station: expect.any(String),
      street: expect.any(String),
      link: expect.stringMatching(/^\/cases\/\d+$/),
    });
    expect(items.every((item) => item.date !== null && item.date >= '2020-01-01' && item.date <= '2020-12-31')).toBe(true);
    const mine = await allRecords('inspector1', 'enforcement.closed', '2020');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.station === '一所')).toBe(true);
  });

  it('answers 404 for a figure that does not exist', async () => {
    const response = await call(as('leader'), 'GET', '/api/v1/figures/complaints.nothing/records?period=2020');
    expect(response.status).toBe(404);
    expect((response.body as { code: string }).code).toBe('figures.not_found');
  });
});
