import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { annualGrade } from './annual-grade.ts';
import { dynamicGrade, gradeBand, meanTenths, type ScoredItem } from './dynamic-grade.ts';
import { gradingBlackout } from './grading-blackout.ts';
import { type GradingRuleSet, gradingRuleSets, gradingRulesFor } from './grading-rule-sets.ts';

const rules = gradingRulesFor('330212', '2020-06-01');
const item = (score: number | null, isKey = false, isFailed = false): ScoredItem => ({ score, isKey, isFailed });
const gradeRank = { excellent: 3, good: 2, fair: 1 } as const;

describe('rule-set selection by jurisdiction and date', () => {
  it('a Zhejiang district in 2020 is graded by the 2016 national set, in 2023 by the Order 49 set', () => {
    expect(gradingRulesFor('330212', '2020-06-01').id).toBe('cn-2016');
    expect(gradingRulesFor('330212', '2022-03-14').id).toBe('cn-2016');
    expect(gradingRulesFor('330212', '2022-03-15').id).toBe('cn-2022-order-49');
  });
  it('an Anhui district from 2024 takes the provincial override; before it, the national set', () => {
    expect(gradingRulesFor('340104', '2024-01-01').id).toBe('ah-2024');
    expect(gradingRulesFor('340104', '2023-12-31').id).toBe('cn-2022-order-49');
    expect(gradingRulesFor('330212', '2024-06-01').id).toBe('cn-2022-order-49');
  });
  it('days before any set fall back to the earliest national set; every set cites a source', () => {
    expect(gradingRulesFor('330212', '2010-01-01').id).toBe('cn-2016');
    for (const set of gradingRuleSets) expect(set.citation.length).toBeGreaterThan(10);
  });
  it('a more specific jurisdiction always wins over a less specific one in force the same day', () => {
    const city: GradingRuleSet = { ...rules, id: 'nb', jurisdiction: '3302', effectiveFrom: '2019-01-01', effectiveTo: null };
    expect(gradingRulesFor('330212', '2020-06-01', [...gradingRuleSets, city]).id).toBe('nb');
    expect(gradingRulesFor('330102', '2020-06-01', [...gradingRuleSets, city]).id).toBe('cn-2016');
  });
});

describe('dynamic grade 动态等级 (2012 guidance)', () => {
  it('reads the published bands exactly at each boundary', () => {
    const cases: [number, string | null][] = [
      [100, 'excellent'],
      [90, 'excellent'],
      [89, 'good'],
      [75, 'good'],
      [74, 'fair'],
      [60, 'fair'],
      [59, null],
      [0, null],
    ];
    for (const [tenths, expected] of cases) expect(gradeBand(tenths, rules)).toBe(expected);
  });
  it('score = item total ÷ items inspected, not-applicable items left out', () => {
    const result = dynamicGrade([item(10), item(8), item(9), item(null), item(null)], rules);
    expect(result).toMatchObject({ isGraded: true, scoreTenths: 90, grade: 'excellent', itemsInspected: 3 });
  });
  it('rounds the mean half up to one decimal: 8.95 → 9.0 优秀, 8.94 → 8.9 良好, 5.95 → 6.0 一般', () => {
    expect(dynamicGrade([item(9), item(8.9)], rules)).toMatchObject({ scoreTenths: 90, grade: 'excellent' });
    expect(dynamicGrade([item(9), item(9), item(9), item(9), item(8.7)], rules)).toMatchObject({ scoreTenths: 89, grade: 'good' });
    expect(dynamicGrade([item(6), item(5.9)], rules)).toMatchObject({ scoreTenths: 60, grade: 'fair' });
    expect(dynamicGrade([item(7.4), item(7.5)], rules)).toMatchObject({ scoreTenths: 75, grade: 'good' });
  });
  it('below 6.0 gives no grade', () => {
    expect(dynamicGrade([item(5), item(6.8)], rules)).toMatchObject({ isGraded: false, scoreTenths: 59, reason: 'score-below-fair' });
  });
  it('two failed key items give no grade whatever the score; one does not', () => {
    const twoKeys = [item(10, true, true), item(10, true, true), ...Array.from({ length: 8 }, () => item(10))];
    expect(dynamicGrade(twoKeys, rules)).toMatchObject({
      isGraded: false,
      reason: 'key-items-failed',
      failedKeyItems: 2,
      scoreTenths: 100,
    });
    expect(dynamicGrade(twoKeys.slice(1), rules)).toMatchObject({ isGraded: true, grade: 'excellent', failedKeyItems: 1 });
    // a failed general item never blocks the grade
    expect(dynamicGrade([item(10, false, true), item(10, false, true), item(10)], rules)).toMatchObject({ isGraded: true });
  });
  it('no inspected items → no grade; bad scores are rejected', () => {
    expect(dynamicGrade([item(null)], rules)).toMatchObject({ isGraded: false, reason: 'no-items', scoreTenths: null });
    expect(() => dynamicGrade([item(11)], rules)).toThrow(RangeError);
    expect(() => dynamicGrade([item(8.25)], rules)).toThrow(RangeError);
  });

  const scoreArb = fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10);
  const itemsArb = fc.array(fc.record({ score: scoreArb, isKey: fc.boolean(), isFailed: fc.boolean() }), { minLength: 1, maxLength: 30 });
  it('property: the score lies between the lowest and highest item score', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const result = dynamicGrade(items, rules);
        const tenths = items.map((entry) => Math.round((entry.score as number) * 10));
        return result.scoreTenths !== null && result.scoreTenths >= Math.min(...tenths) && result.scoreTenths <= Math.max(...tenths);
      }),
    );
  });
  it('property: raising one item score never gives a worse grade (monotonic)', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (items, index, bump) => {
        const at = index % items.length;
        const before = dynamicGrade(items, rules);
        const raised = items.map((entry, i) =>
          i === at ? { ...entry, score: Math.min(100, Math.round((entry.score as number) * 10) + bump) / 10 } : entry,
        );
        const after = dynamicGrade(raised, rules);
        const rank = (result: typeof before) => (result.grade === null ? 0 : gradeRank[result.grade]);
        return rank(after) >= rank(before) && (after.scoreTenths as number) >= (before.scoreTenths as number);
      }),
    );
  });
  it('property: failing one more key item never gives a better grade', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), (items, index) => {
        const at = index % items.length;
        const worse = items.map((entry, i) => (i === at ? { ...entry, isKey: true, isFailed: true } : entry));
        const rank = (result: ReturnType<typeof dynamicGrade>) => (result.grade === null ? 0 : gradeRank[result.grade]);
        return rank(dynamicGrade(worse, rules)) <= rank(dynamicGrade(items, rules));
      }),
    );
  });
  it('property: the item order does not matter', () => {
    fc.assert(
      fc.property(
        itemsArb,
        (items) => JSON.stringify(dynamicGrade(items, rules)) === JSON.stringify(dynamicGrade([...items].reverse(), rules)),
      ),
    );
  });
  it('property: meanTenths is the exact mean rounded half up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 50 }), (values) => {
        const exact = values.reduce((a, b) => a + b, 0) / values.length;
        const mean = meanTenths(values);
        return mean - exact <= 0.5 + 1e-9 && exact - mean < 0.5 + 1e-9;
      }),
    );
  });
});

describe('annual grade 年度等级 A/B/C over the past 12 months', () => {
  it('averages the dynamic scores inside the window: 9.2 and 8.6 → 8.9 B', () => {
    const result = annualGrade(
      [
        { inspectedOn: '2020-03-01', scoreTenths: 92 },
        { inspectedOn: '2020-11-20', scoreTenths: 86 },
      ],
      '2020-12-31',
      rules,
    );
    expect(result).toEqual({ grade: 'B', meanTenths: 89, inspectionsCounted: 2 });
  });
  it('the window is (asOf − 12 months, asOf]: the same day a year earlier is out, the day after is in', () => {
    const old = { inspectedOn: '2019-12-31', scoreTenths: 50 };
    const inside = { inspectedOn: '2020-01-01', scoreTenths: 95 };
    expect(annualGrade([old, inside], '2020-12-31', rules)).toEqual({ grade: 'A', meanTenths: 95, inspectionsCounted: 1 });
    expect(annualGrade([{ inspectedOn: '2021-01-01', scoreTenths: 95 }], '2020-12-31', rules).grade).toBeNull();
  });
  it('a leap day: the window ending 2021-02-28 starts after 2020-02-28, so 2020-02-29 counts', () => {
    expect(annualGrade([{ inspectedOn: '2020-02-29', scoreTenths: 70 }], '2021-02-28', rules)).toEqual({
      grade: 'C',
      meanTenths: 70,
      inspectionsCounted: 1,
    });
  });
  it('no scored inspection → no annual grade; mean below 6.0 → no annual grade', () => {
    expect(annualGrade([{ inspectedOn: '2020-05-01', scoreTenths: null }], '2020-12-31', rules)).toEqual({
      grade: null,
      meanTenths: null,
      inspectionsCounted: 0,
    });
    expect(
      annualGrade(
        [
          { inspectedOn: '2020-05-01', scoreTenths: 55 },
          { inspectedOn: '2020-06-01', scoreTenths: 63 },
        ],
        '2020-12-31',
        rules,
      ),
    ).toEqual({
      grade: null,
      meanTenths: 59,
      inspectionsCounted: 2,
    });
  });
  it('property: a higher score in the window never lowers the annual grade', () => {
    const rank = { A: 3, B: 2, C: 1 } as const;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (scores, index, raise) => {
          const list = scores.map((score, i) => ({ inspectedOn: `2020-${String((i % 12) + 1).padStart(2, '0')}-10`, scoreTenths: score }));
          const at = index % list.length;
          const raised = list.map((entry, i) =>
            i === at ? { ...entry, scoreTenths: Math.min(100, (entry.scoreTenths as number) + raise) } : entry,
          );
          const before = annualGrade(list, '2020-12-31', rules).grade;
          const after = annualGrade(raised, '2020-12-31', rules).grade;
          return (after === null ? 0 : rank[after]) >= (before === null ? 0 : rank[before]);
        },
      ),
    );
  });
});

describe('blackouts: 3 months after a new licence, 6 months after an incident', () => {
  it('a licence issued 2020-01-31 blacks out grading until 2020-04-29 inclusive (ends on 2020-04-30)', () => {
    const input = { licenceIssuedOn: '2020-01-31', incidentDates: [] };
    expect(gradingBlackout('2020-01-31', input, rules)).toEqual({ reason: 'new-licence', from: '2020-01-31', until: '2020-04-30' });
    expect(gradingBlackout('2020-04-29', input, rules)?.reason).toBe('new-licence');
    expect(gradingBlackout('2020-04-30', input, rules)).toBeNull();
    expect(gradingBlackout('2020-01-30', input, rules)).toBeNull();
  });
  it('an incident on 2019-08-31 blacks out until 2020-02-29 (leap year end of month)', () => {
    const input = { licenceIssuedOn: '2015-01-01', incidentDates: ['2019-08-31'] };
    expect(gradingBlackout('2020-02-28', input, rules)).toEqual({ reason: 'incident', from: '2019-08-31', until: '2020-02-29' });
    expect(gradingBlackout('2020-02-29', input, rules)).toBeNull();
  });
  it('when both apply, the one that ends later is reported', () => {
    const input = { licenceIssuedOn: '2020-03-01', incidentDates: ['2020-03-15'] };
    expect(gradingBlackout('2020-04-01', input, rules)?.reason).toBe('incident');
  });
  it('property: a day is in a blackout iff it lies in [start, start + N months)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: -200, max: 400 }),
        (start, offset) => {
          const from = start.toISOString().slice(0, 10);
          const day = new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
          const inside = from <= day && day < addMonths(from, 3);
          return (gradingBlackout(day, { licenceIssuedOn: from, incidentDates: [] }, rules) !== null) === inside;
        },
      ),
    );
  });
});
