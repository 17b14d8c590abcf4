import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { gradingRulesFor, riskGrades } from './grading-rule-sets.ts';
import { dueState, dynamicRiskPoints, nextInspectionDue, riskGrade, staticRiskPoints } from './risk-grade.ts';

const rules2020 = gradingRulesFor('330212', '2020-06-01');
const rules2023 = gradingRulesFor('330212', '2023-06-01');
const anhui = gradingRulesFor('340104', '2024-06-01');
const rank = { A: 0, B: 1, C: 2, D: 3 } as const;

describe('risk grade 风险分级 A–D', () => {
  it('cut-offs 30 / 45 / 60, the upper bound belonging to the lower grade', () => {
    const cases: [number, number, string][] = [
      [0, 0, 'A'],
      [30, 0, 'A'],
      [30, 1, 'B'],
      [20, 25, 'B'],
      [25, 21, 'C'],
      [40, 20, 'C'],
      [40, 21, 'D'],
      [40, 60, 'D'],
    ];
    for (const [s, d, grade] of cases) expect(riskGrade(s, d, rules2020)).toBe(grade);
  });
  it('rejects points out of range', () => {
    expect(() => riskGrade(41, 0, rules2020)).toThrow(RangeError);
    expect(() => riskGrade(0, 61, rules2020)).toThrow(RangeError);
    expect(() => riskGrade(-1, 0, rules2020)).toThrow(RangeError);
  });
  it('property: more risk points never give a lower-risk grade', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (s, d, ds, dd) => {
          const s2 = Math.min(40, s + ds);
          const d2 = Math.min(60, d + dd);
          return rank[riskGrade(s2, d2, rules2020)] >= rank[riskGrade(s, d, rules2020)];
        },
      ),
    );
  });
  it('static points take the highest format (就高不就低); unknown formats count as other catering', () => {
    expect(staticRiskPoints(['small-restaurant', 'central-kitchen'])).toBe(40);
    expect(staticRiskPoints(['beverage-shop'])).toBe(10);
    expect(staticRiskPoints(['unknown'])).toBe(15);
    expect(staticRiskPoints([])).toBe(15);
  });
  it('dynamic points: a perfect inspection 0, 5.0 → 30, key failures add 10 each, capped at 60; none yet → 30', () => {
    expect(dynamicRiskPoints({ scoreTenths: 100, failedKeyItems: 0 }, rules2020)).toBe(0);
    expect(dynamicRiskPoints({ scoreTenths: 50, failedKeyItems: 0 }, rules2020)).toBe(30);
    expect(dynamicRiskPoints({ scoreTenths: 85, failedKeyItems: 1 }, rules2020)).toBe(19);
    expect(dynamicRiskPoints({ scoreTenths: 0, failedKeyItems: 5 }, rules2020)).toBe(60);
    expect(dynamicRiskPoints(null, rules2020)).toBe(30);
  });
  it('property: a better inspection score never raises the dynamic points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5 }), (a, b, keys) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        return (
          dynamicRiskPoints({ scoreTenths: high, failedKeyItems: keys }, rules2020) <=
          dynamicRiskPoints({ scoreTenths: low, failedKeyItems: keys }, rules2020)
        );
      }),
    );
  });
});

describe('inspection frequency and the next due date', () => {
  it('2016 rules: A and B yearly, C every 6 months, D every 4 months', () => {
    expect(nextInspectionDue({ lastInspectedOn: '2020-03-10', since: '2018-01-01', grade: 'A' }, rules2020)).toBe('2021-03-10');
    expect(nextInspectionDue({ lastInspectedOn: '2020-03-10', since: '2018-01-01', grade: 'B' }, rules2020)).toBe('2021-03-10');
    expect(nextInspectionDue({ lastInspectedOn: '2020-08-31', since: '2018-01-01', grade: 'C' }, rules2020)).toBe('2021-02-28');
    expect(nextInspectionDue({ lastInspectedOn: '2019-10-31', since: '2018-01-01', grade: 'D' }, rules2020)).toBe('2020-02-29');
    expect(rules2020.minInspectionsPerYear).toEqual({ A: 1, B: 1, C: 2, D: 3 });
  });
  it('never inspected → due from the licence date', () => {
    expect(nextInspectionDue({ lastInspectedOn: null, since: '2020-05-05', grade: 'C' }, rules2020)).toBe('2020-05-05');
  });
  it('Anhui 2024: A every two years, within the Order 49 two-year floor', () => {
    expect(nextInspectionDue({ lastInspectedOn: '2024-03-01', since: '2020-01-01', grade: 'A' }, anhui)).toBe('2026-03-01');
    expect(rules2023.fullInspectionFloorMonths).toBe(24);
  });
  it('property: a riskier grade is never due later than a safer one', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2016-12-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (date) => {
        const last = date.toISOString().slice(0, 10);
        const dues = riskGrades.map((grade) => nextInspectionDue({ lastInspectedOn: last, since: '2010-01-01', grade }, rules2020));
        return dues.every((due, i) => i === 0 || due <= (dues[i - 1] as string)) && (dues[0] as string) <= addMonths(last, 24);
      }),
    );
  });
  it('due state: overdue after the day, due soon within 30 days', () => {
    expect(dueState('2020-06-30', '2020-07-01')).toBe('overdue');
    expect(dueState('2020-06-30', '2020-06-30')).toBe('due-soon');
    expect(dueState('2020-06-30', '2020-05-31')).toBe('due-soon');
    expect(dueState('2020-06-30', '2020-05-30')).toBe('scheduled');
  });
});

describe('calendar months', () => {
  it('clamps to the end of the month across year ends and leap years', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2020-03-15', -12)).toBe('2019-03-15');
    expect(addMonths('2021-01-15', -1)).toBe('2020-12-15');
  });
});
