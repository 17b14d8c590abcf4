import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFigures } from './app.ts';
import { demoDistrict, seedDemoDistrict } from './demo/index.ts';
import { inspectorConsistencyOf } from './modules/food-safety/index.ts';
import { annualReport } from './platform/figures/annual-report.ts';
import { annualReportDocx } from './platform/figures/annual-report-docx.ts';
import type { FigureDefinition } from './platform/figures/figure-definition.ts';
import { type FigurePeriod, parsePeriod } from './platform/figures/figure-period.ts';
import type { FiguresView } from './platform/figures/figures.schemas.ts';
import { listFigures } from './platform/figures/figures.service.ts';
import type { ActorContext } from './platform/http/context.ts';
import { type TestPlatform, testPlatform } from './test/test-platform.ts';

/**
 * The figures registry on the demo district: every figure of the 2020 work summary the modules hold, exact; each
 * figure's records adding up to it; the figures two modules both count agreeing; the 2020 report regenerated.
 */
const seedText = readFileSync(new URL('../test-fixtures/work-summary-2020-and-plan-2021.zh.txt', import.meta.url), 'utf8');

let platform: TestPlatform;
let leader: ActorContext;
let year2020: FiguresView;
const figures = allFigures();

const figureIn = (view: FiguresView, key: string) => {
  const item = view.items.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`no figure ${key}`);
  return item;
};

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  await seedDemoDistrict(platform, { seed: 'zhijian' });
  leader = {
    db: platform.database.db,
    clock: platform.clock,
    crypto: platform.crypto,
    log: platform.log,
    meta: { ip: 'test', requestId: 'figures-test', userAgent: 'vitest', language: 'zh-CN' },
    actor: {
      userId: 1,
      username: 'leader',
      displayName: 'leader',
      districtCode: demoDistrict.code,
      districtCodes: [demoDistrict.code],
      roles: ['leader'],
      orgUnitId: null,
      isDistrictWide: true,
      streetCodes: [],
      entityIds: [],
      labId: null,
    },
  };
  year2020 = await listFigures(leader, figures, { period: '2020' });
}, 1_200_000);

afterAll(async () => {
  await platform.database.close();
});

// Each test reads the whole demo district: on the embedded database, on a busy machine, that takes a minute or more.
const slow = 600_000;

describe('the 2020 figures of the demo district', () => {
  it(
    'reproduces every figure of the work summary the modules hold, exactly',
    () => {
      const expected: [key: string, value: number, changePercent?: number][] = [
        ['registry.entities', 51_632],
        ['registry.enterprises', 22_774, 9.09],
        ['registry.individuals', 28_858, 9.28],
        ['enforcement.closed', 365],
        ['enforcement.major-closed', 77],
        ['enforcement.penalty-amount', 8_277_300],
        ['enforcement.major-penalty-amount', 6_649_300],
        ['complaints.accepted', 3_325, 60.47],
        ['complaints.petitions-closed', 481],
        ['complaints.satisfaction', 98],
        ['sampling.routine-categories', 15],
        ['sampling.routine-products', 27],
        ['sampling.routine-batches', 210],
        ['sampling.routine-qualified', 193],
        ['sampling.campaign-units', 68],
        ['sampling.campaign-batches', 73],
        ['sampling.campaign-unqualified-units', 7],
        ['sampling.campaign-unqualified-batches', 8],
        ['sampling.campaign-penalties', 1],
        ['sampling.campaign-police-transfers', 6],
        ['sampling.industrial-batches', 42],
        ['risk-code.certified-firms', 8],
        ['risk-code.certified-products', 14],
        ['product-quality.brand-firms-new', 5],
        ['product-quality.brand-certificates', 14],
        ['product-quality.invention-applications', 790],
        ['product-quality.invention-grants', 297],
        ['product-quality.trademark-applications', 2_395],
        ['product-quality.trademark-registrations', 2_044],
        ['product-quality.awards-subsidies', 446.7],
        ['product-quality.pledge-financing', 5_650, 180],
        ['markets.markets', 18],
        ['markets.handed-over', 13],
        ['consumer-confidence.shops', 1_570],
        ['consumer-confidence.factories', 48],
      ];
      const actual = expected.map(([key, , change]) => {
        const item = figureIn(year2020, key);
        return change === undefined ? [key, item.value] : [key, item.value, item.changePercent];
      });
      expect(actual).toEqual(expected);
      // 193 of 210 is 91.90%, which the summary rounds to 92%.
      expect(figureIn(year2020, 'sampling.routine-pass-rate').value).toBe(91.9);
      expect(figureIn(year2020, 'registry.enterprises').previous).toBe(20_876);
      expect(figureIn(year2020, 'complaints.accepted').previous).toBe(2_072);
    },
    slow,
  );

  it(
    'lists the records behind every figure of 2020, adding up to it',
    async () => {
      const period = parsePeriod('2020') as FigurePeriod;
      for (const figure of figures) {
        const { value } = await figure.compute(leader, period);
        const pageSize = 100_000;
        const { total, items } = await figure.records(leader, period, { page: 1, pageSize });
        // A count is checked by its total (145,318 pharmacy registrations do not fit a page); a sum or rate by its items.
        expect(items, figure.key).toHaveLength(Math.min(total, pageSize));
        if (figure.kind !== 'count') expect(total, figure.key).toBeLessThanOrEqual(pageSize);
        if (figure.kind === 'count') expect(total, figure.key).toBe(value);
        if (figure.kind === 'sum')
          expect(Math.round(items.reduce((sum, item) => sum + (item.amount ?? 0), 0) * 100) / 100, figure.key).toBe(value);
        if (figure.kind === 'rate')
          expect(total ? Math.round((items.filter((item) => item.isCounted).length / total) * 10_000) / 100 : null, figure.key).toBe(value);
      }
    },
    slow,
  );
});

describe('modules agree with each other', () => {
  const of = (key: string) => figureIn(year2020, key).value;

  it(
    'counts the breakfast campaign’s transfers to the police and its penalty as cases, once each',
    () => {
      expect(of('sampling.campaign-police-transfers')).toBe(6);
      expect(of('enforcement.police-transfers')).toBe(of('sampling.police-transfers'));
      expect(of('enforcement.police-transfers')).toBe(6);
      expect(of('enforcement.sampling-cases')).toBe((of('sampling.police-transfers') ?? 0) + (of('sampling.penalties') ?? 0));
    },
    slow,
  );

  it(
    'adds up the same facts the same way in every module and period',
    async () => {
      const pairs: [string, (view: FiguresView) => [number | null, number | null]][] = [
        [
          'entities = enterprises + individuals',
          (view) => [figureIn(view, 'registry.entities').value, sum(view, 'registry.enterprises', 'registry.individuals')],
        ],
        [
          'accepted = complaints + reports',
          (view) => [figureIn(view, 'complaints.accepted').value, sum(view, 'complaints.complaints', 'complaints.reports')],
        ],
        [
          'police transfers: cases = failed samples',
          (view) => [figureIn(view, 'enforcement.police-transfers').value, figureIn(view, 'sampling.police-transfers').value],
        ],
      ];
      for (const period of ['2019', '2020', '2020-Q2', '2020-06']) {
        const view = period === '2020' ? year2020 : await listFigures(leader, figures, { period });
        for (const [name, values] of pairs) {
          const [left, right] = values(view);
          expect(left, `${name} in ${period}`).toBe(right);
        }
      }
      // A case from a failed sample closes after the sample's handling: within a year both count it.
      for (const period of ['2019', '2020']) {
        const view = period === '2020' ? year2020 : await listFigures(leader, figures, { period });
        expect(figureIn(view, 'enforcement.sampling-cases').value, period).toBe(
          sum(view, 'sampling.police-transfers', 'sampling.penalties'),
        );
      }
      // What the register holds at the end of a year is what it held a year before, plus those registered, less those that left.
      const previous = figureIn(year2020, 'registry.entities').previous ?? 0;
      expect(previous + (of('registry.registered') ?? 0) - (of('registry.ended') ?? 0)).toBe(of('registry.entities'));
    },
    slow,
  );
});

function sum(view: FiguresView, ...keys: string[]): number | null {
  return keys.reduce((total, key) => total + (figureIn(view, key).value ?? 0), 0);
}

/** The numbers of the work summary the platform has no source for: what the office fills in. */
const officeFills: Record<string, string> = {
  网办率: '99',
  '专利质押融资金额(万元)': '5650',
  专利质押融资增幅: '180',
  核验个体工商户数: '6600',
  核验从业人员数: '12280',
  '“两直”受惠主体数': '7750',
  '“两直”受惠占比': '15',
  '“两直”兑付金额(万元)': '9109',
  '“两直”兑付率': '100',
  特种设备定检率: '100',
  零售药店数: '176',
  药师考勤率: '99',
  '新增“品字标”企业数': '5',
  发明专利申请量: '790',
  发明专利授权量: '297',
  商标申请量: '2395',
  商标注册量: '2044',
  '奖励补助资金(万元)': '446.7',
  放心消费示范店数: '1570',
  放心工厂数: '48',
};

describe('the annual report of 2020', () => {
  it(
    'writes every figure sentence of the work summary from the registry, as the summary states it',
    async () => {
      const report = await annualReport(leader, figures, 2020);
      const seedSentences = report.sections.flatMap((section) => section.sentences.filter((sentence) => sentence.isFromSeed));
      expect(seedSentences.length).toBeGreaterThanOrEqual(14);
      for (const sentence of seedSentences) {
        const written = sentence.segments
          .map((segment) => (segment.kind === 'placeholder' ? (officeFills[segment.text] ?? `【${segment.text}】`) : segment.text))
          .join('');
        expect(seedText, written).toContain(written);
        // A placeholder only where the platform has no source: never for a registered figure.
        expect(sentence.segments.filter((segment) => segment.kind === 'placeholder' && segment.key !== undefined)).toEqual([]);
      }
      const figureSegments = seedSentences.flatMap((sentence) => sentence.segments.filter((segment) => segment.kind === 'figure'));
      expect(figureSegments.length).toBeGreaterThanOrEqual(25);
    },
    slow,
  );

  it(
    'leaves what it cannot know as highlighted placeholders in the .docx, and tables by station',
    async () => {
      const report = await annualReport(leader, figures, 2020);
      const table = report.sections.find((section) => section.table)?.table;
      expect(table?.rows).toHaveLength(5);
      expect(table?.rows.reduce((total, row) => total + Number((row[1] ?? '0').replace(/,/g, '')), 0)).toBe(3_325);
      const xml = documentXml(await annualReportDocx(report, '明州区市场监督管理局'));
      expect(xml).toContain('明州区市场监督管理局2020年工作总结');
      expect(xml).toContain('51632');
      expect(xml).toContain('827.73');
      expect(xml).toMatch(/<w:highlight w:val="yellow"\/>.*?【网办率】/s);
      expect(xml).not.toContain('99%');
      // The complaint chart: 2020 month by month adds up to the seed's 3,325; in the document as SVG with its PNG.
      const chart = report.sections.find((section) => section.chart?.caption.includes('投诉'))?.chart;
      expect(chart?.series[0]?.values.reduce<number>((total, value) => total + (value ?? 0), 0)).toBe(3_325);
      expect(xml).toContain('2020年受理消费者投诉举报按月分布');
      expect(xml).toContain('asvg:svgBlip');
    },
    slow,
  );

  it(
    'never invents a number: a year without data leaves every figure sentence a placeholder',
    async () => {
      const report = await annualReport(leader, [] as FigureDefinition[], 2020);
      const segments = report.sections.flatMap((section) => section.sentences.flatMap((sentence) => sentence.segments));
      expect(segments.filter((segment) => segment.kind === 'figure')).toEqual([]);
      expect(
        segments.filter((segment) => segment.kind === 'text').every((segment) => !/\d{2,}/.test(segment.text.replace(/XX|2020/g, ''))),
      ).toBe(true);
    },
    slow,
  );
});

describe('inspector consistency (干好干坏不一样)', () => {
  it(
    'gives each inspector’s inspections, adding up to their station’s, with the scores near each cut-off',
    async () => {
      const thisYear = Number(leader.clock.now().toISOString().slice(0, 4));
      for (const year of [2020, thisYear - 1, thisYear]) {
        const view = await inspectorConsistencyOf(leader, year);
        expect(view.cutOffsTenths).toEqual([60, 75, 90]);
        for (const station of view.stations) {
          const mine = view.inspectors.filter((inspector) => inspector.station === station.station);
          expect(mine.reduce((sum, inspector) => sum + inspector.inspections, 0)).toBe(station.inspections);
          expect(station.isFlagged).toBe(station.clustering.some((cutOff) => cutOff.isClustered));
        }
        for (const inspector of view.inspectors) {
          expect(inspector.rectificationsInTime).toBeLessThanOrEqual(inspector.rectificationsDue);
          expect(inspector.appealsUpheld).toBeLessThanOrEqual(inspector.appealsDecided);
        }
      }
    },
    slow,
  );
});

/** word/document.xml out of a .docx (a zip): read through the central directory, inflated with node:zlib. */
function documentXml(docx: Buffer): string {
  const end = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = docx.readUInt32LE(end + 16);
  for (let entry = 0; entry < docx.readUInt16LE(end + 10); entry++) {
    const method = docx.readUInt16LE(offset + 10);
    const compressed = docx.readUInt32LE(offset + 20);
    const nameLength = docx.readUInt16LE(offset + 28);
    const extraLength = docx.readUInt16LE(offset + 30);
    const commentLength = docx.readUInt16LE(offset + 32);
    const local = docx.readUInt32LE(offset + 42);
    const name = docx.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === 'word/document.xml') {
      const start = local + 30 + docx.readUInt16LE(local + 26) + docx.readUInt16LE(local + 28);
      const data = docx.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error('no word/document.xml');
}
