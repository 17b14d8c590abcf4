import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainColour } from './colour-explanation.ts';
import { isRatingOutOfDate } from './rating-currency.ts';
import {
  type Colour,
  type ColourFacts,
  colourRank,
  colours,
  decideColour,
  defaultCategories,
  defaultColourTable,
  type RiskLevel,
  riskLevels,
  tableInForce,
} from './risk-colour.ts';

const clean = (category: string, riskGrade: 'A' | 'B' | 'C' | 'D' | null): ColourFacts => ({
  managementCategory: category,
  riskGrade,
  dynamicGrade: 'excellent',
  annualGrade: 'A',
  latestInspection: riskGrade === null ? null : { on: '2026-01-10', result: 'compliant' },
  openRectifications: 0,
  certificateComplianceBasisPoints: 10_000,
  complaints12m: 0,
  failedSamples12m: 0,
  penaltyCases12m: 0,
  majorCases12m: 0,
  isAbnormalListed: false,
  isSeriousListed: false,
});

/** The documented default table, written out again by hand: every category × risk level. */
const expected: Record<string, Record<RiskLevel, Colour>> = {
  large_restaurant: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'blue' },
  small_eatery: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
  canteen: { A: 'green', B: 'yellow', C: 'orange', D: 'black', U: 'yellow' },
  takeaway_only: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
  street_stall: { A: 'blue', B: 'yellow', C: 'orange', D: 'black', U: 'yellow' },
  other: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
};

describe('five-colour default table', () => {
  for (const category of defaultCategories)
    for (const level of riskLevels)
      it(`${category} × ${level} → ${expected[category]?.[level]}`, () => {
        const facts = clean(category, level === 'U' ? null : level);
        expect(decideColour(facts, defaultColourTable).colour).toBe(expected[category]?.[level]);
      });

  it('an unknown category uses the "other" row', () => {
    expect(decideColour(clean('food_truck', 'C'), defaultColourTable)).toMatchObject({ colour: 'yellow', category: 'other' });
  });

  it('each adverse fact raises the colour to its floor', () => {
    const base = clean('large_restaurant', 'A');
    const colourOf = (facts: Partial<ColourFacts>) => decideColour({ ...base, ...facts }, defaultColourTable).colour;
    expect(colourOf({})).toBe('green');
    expect(colourOf({ latestInspection: { on: '2026-01-10', result: 'non-compliant' } })).toBe('orange');
    expect(colourOf({ openRectifications: 1 })).toBe('yellow');
    expect(colourOf({ certificateComplianceBasisPoints: 9_999 })).toBe('yellow');
    expect(colourOf({ certificateComplianceBasisPoints: null })).toBe('green');
    expect(colourOf({ complaints12m: 2 })).toBe('green');
    expect(colourOf({ complaints12m: 3 })).toBe('yellow');
    expect(colourOf({ failedSamples12m: 1 })).toBe('orange');
    expect(colourOf({ penaltyCases12m: 1 })).toBe('orange');
    expect(colourOf({ penaltyCases12m: 1, majorCases12m: 1 })).toBe('black');
  });

  it('unknown facts raise nothing and are listed', () => {
    const decision = decideColour({ managementCategory: 'small_eatery', failedSamples12m: 0, penaltyCases12m: 0 }, defaultColourTable);
    expect(decision.colour).toBe('yellow');
    expect(decision.riskLevel).toBe('U');
    expect(decision.unknown).toEqual([
      'riskGrade',
      'latestInspection',
      'openRectifications',
      'certificateCompliance',
      'complaints12m',
      'creditLists',
    ]);
  });

  it('the credit lists floor the colour: abnormal-operation list yellow, serious-violation list black (local default)', () => {
    const facts = clean('large_restaurant', 'A');
    expect(decideColour(facts, defaultColourTable).colour).toBe('green');
    const abnormal = decideColour({ ...facts, isAbnormalListed: true }, defaultColourTable);
    expect(abnormal.colour).toBe('yellow');
    expect(abnormal.reasons.find((reason) => reason.decisive && reason.code !== 'base')?.code).toBe('abnormal-listing');
    expect(decideColour({ ...facts, isSeriousListed: true }, defaultColourTable).colour).toBe('black');
    expect(decideColour({ ...facts, isAbnormalListed: true, isSeriousListed: true }, defaultColourTable).colour).toBe('black');
    // A table saved before these floors existed takes the default's floors.
    const { abnormalListing: _a, seriousViolation: _s, ...older } = defaultColourTable.escalations;
    expect(decideColour({ ...facts, isAbnormalListed: true }, { ...defaultColourTable, escalations: older }).colour).toBe('yellow');
    expect(explainColour(abnormal, { ...facts, isAbnormalListed: true }, defaultColourTable, 'zh-CN').summary).toContain(
      '列入经营异常名录',
    );
  });

  it('picks the table version in force on a day', () => {
    const versions = [
      { id: 1, effectiveFrom: '2020-01-01' },
      { id: 2, effectiveFrom: '2026-01-01' },
      { id: 3, effectiveFrom: '2026-01-01' },
    ];
    expect(tableInForce(versions, '2025-12-31')?.id).toBe(1);
    expect(tableInForce(versions, '2026-01-01')?.id).toBe(3);
    expect(tableInForce(versions, '2019-12-31')).toBeUndefined();
  });
});

const factsArbitrary = fc.record({
  managementCategory: fc.constantFrom(...defaultCategories, null),
  riskGrade: fc.constantFrom('A', 'B', 'C', 'D', null, undefined),
  latestInspection: fc.constantFrom(
    undefined,
    null,
    { on: '2026-01-01', result: 'compliant' as const },
    { on: '2026-01-01', result: 'non-compliant' as const },
  ),
  openRectifications: fc.option(fc.nat(5), { nil: undefined }),
  certificateComplianceBasisPoints: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  complaints12m: fc.option(fc.nat(10), { nil: undefined }),
  failedSamples12m: fc.option(fc.nat(3), { nil: undefined }),
  penaltyCases12m: fc.option(fc.nat(3), { nil: undefined }),
});

describe('a category the table does not have', () => {
  it('falls back to the row `other`, also when named like an Object property', () => {
    for (const category of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'no_such_category']) {
      expect(decideColour(clean(category, 'B'), defaultColourTable)).toEqual(decideColour(clean('other', 'B'), defaultColourTable));
    }
  });
});

describe('five-colour properties', () => {
  it('worse facts never give a better colour', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.nat(4), (facts, extra) => {
        const before = decideColour(facts as ColourFacts, defaultColourTable).colour;
        const worsened: ColourFacts = {
          ...(facts as ColourFacts),
          openRectifications: (facts.openRectifications ?? 0) + (extra & 1),
          complaints12m: (facts.complaints12m ?? 0) + extra,
          failedSamples12m: (facts.failedSamples12m ?? 0) + (extra > 2 ? 1 : 0),
          penaltyCases12m: (facts.penaltyCases12m ?? 0) + (extra > 3 ? 1 : 0),
        };
        expect(colourRank(decideColour(worsened, defaultColourTable).colour)).toBeGreaterThanOrEqual(colourRank(before));
      }),
    );
  });

  it('a worse risk grade never gives a better colour', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(0, 1, 2), (facts, step) => {
        const grades = ['A', 'B', 'C', 'D'] as const;
        const from = grades[step] as 'A' | 'B' | 'C';
        const to = grades[step + 1] as 'B' | 'C' | 'D';
        const a = decideColour({ ...(facts as ColourFacts), riskGrade: from }, defaultColourTable).colour;
        const b = decideColour({ ...(facts as ColourFacts), riskGrade: to }, defaultColourTable).colour;
        expect(colourRank(b)).toBeGreaterThanOrEqual(colourRank(a));
      }),
    );
  });

  it('the colour is one of five, and a decisive reason has exactly that colour', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const decision = decideColour(facts as ColourFacts, defaultColourTable);
        expect(colours).toContain(decision.colour);
        expect(decision.reasons.some((reason) => reason.decisive && reason.colour === decision.colour)).toBe(true);
      }),
    );
  });
});

describe('explanation text', () => {
  it('says why and what would change it', () => {
    const facts = { ...clean('large_restaurant', 'A'), failedSamples12m: 1, openRectifications: 2 };
    const decision = decideColour(facts, defaultColourTable);
    const zh = explainColour(decision, facts, defaultColourTable, 'zh-CN');
    expect(zh.summary).toBe('当前为橙码，因为：近12个月抽检不合格 1 批次。');
    expect(zh.toImprove).toEqual(['消除“近12个月抽检不合格 1 批次”后可为黄码', '该类别在风险等级A级且无不良记录时为绿码']);
    const en = explainColour(decision, facts, defaultColourTable, 'en');
    expect(en.summary).toBe('Orange, because: 1 failed sample(s) in 12 months.');
    expect(en.reasons[0]).toBe('category "Large restaurant", risk grade A');
  });

  it('names the unknown facts', () => {
    const facts: ColourFacts = { managementCategory: 'canteen', failedSamples12m: 0, penaltyCases12m: 0 };
    const text = explainColour(decideColour(facts, defaultColourTable), facts, defaultColourTable, 'zh-CN');
    expect(text.summary).toBe('当前为黄码，因为：经营类别“单位食堂”、尚未评定风险等级。');
    expect(text.unknown).toContain('风险等级');
  });
});

describe('rating currency', () => {
  it('is out of date after the interval', () => {
    expect(isRatingOutOfDate({ lastInspectedOn: '2025-03-31', intervalMonths: 12, today: '2026-03-31' })).toBe(false);
    expect(isRatingOutOfDate({ lastInspectedOn: '2025-03-31', intervalMonths: 12, today: '2026-04-01' })).toBe(true);
    expect(isRatingOutOfDate({ lastInspectedOn: '2025-10-31', intervalMonths: 4, today: '2026-02-28' })).toBe(false);
    expect(isRatingOutOfDate({ lastInspectedOn: '2025-10-31', intervalMonths: 4, today: '2026-03-01' })).toBe(true);
    expect(isRatingOutOfDate({ lastInspectedOn: null, intervalMonths: 4, today: '2026-03-01' })).toBe(false);
  });
});
