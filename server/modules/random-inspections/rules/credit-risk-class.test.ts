import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CreditRiskHistory, creditClasses, creditRiskRuleSetOn, drawSizeFor, gradeCreditRisk } from './credit-risk-class.ts';

const clean: CreditRiskHistory = {
  status: 'active',
  foundedOn: '2015-03-01',
  casesLast24Months: 0,
  majorCasesLast24Months: 0,
  complaintsLast12Months: 0,
  failedSamplesLast12Months: 0,
  problemInspectionsLast12Months: 0,
  cleanInspectionsLast12Months: 0,
  isListedAbnormal: false,
  hasExpiredLicence: false,
};

describe('credit-risk class A–D (local default rule set)', () => {
  it('grades an old business with no signals A, with a clean inspection A and score −5', () => {
    expect(gradeCreditRisk(clean, '2020-06-01')).toEqual({ creditClass: 'A', score: 0, reasons: [], ruleSet: 'local-2019' });
    expect(gradeCreditRisk({ ...clean, cleanInspectionsLast12Months: 2 }, '2020-06-01')).toMatchObject({ creditClass: 'A', score: -5 });
  });

  it('grades a business opened less than a year ago B (10 points), one the day after its first anniversary A', () => {
    expect(gradeCreditRisk({ ...clean, foundedOn: '2019-06-02' }, '2020-06-01')).toMatchObject({ creditClass: 'B', score: 10 });
    expect(gradeCreditRisk({ ...clean, foundedOn: '2019-06-01' }, '2020-06-01')).toMatchObject({ creditClass: 'A', score: 0 });
  });

  it('grades two cases and a failed sample C (45), an abnormal listing with a major case D (65)', () => {
    expect(gradeCreditRisk({ ...clean, casesLast24Months: 2, failedSamplesLast12Months: 1 }, '2020-06-01')).toMatchObject({
      creditClass: 'C',
      score: 45,
      reasons: ['cases:2', 'failed_samples:1'],
    });
    expect(gradeCreditRisk({ ...clean, isListedAbnormal: true, majorCasesLast24Months: 1 }, '2020-06-01')).toMatchObject({
      creditClass: 'D',
      score: 65,
    });
  });

  it('caps complaints at 20 points', () => {
    expect(gradeCreditRisk({ ...clean, complaintsLast12Months: 30 }, '2020-06-01')).toMatchObject({ creditClass: 'B', score: 20 });
  });

  it('is monotone: one more negative signal never lowers the class', () => {
    const counts = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(
        fc.record({
          cases: counts,
          major: counts,
          complaints: counts,
          samples: counts,
          problems: counts,
          cleanCount: counts,
          abnormal: fc.boolean(),
        }),
        fc.constantFrom<keyof CreditRiskHistory>(
          'casesLast24Months',
          'majorCasesLast24Months',
          'complaintsLast12Months',
          'failedSamplesLast12Months',
          'problemInspectionsLast12Months',
        ),
        (draft, bump) => {
          const history: CreditRiskHistory = {
            ...clean,
            casesLast24Months: draft.cases,
            majorCasesLast24Months: draft.major,
            complaintsLast12Months: draft.complaints,
            failedSamplesLast12Months: draft.samples,
            problemInspectionsLast12Months: draft.problems,
            cleanInspectionsLast12Months: draft.cleanCount,
            isListedAbnormal: draft.abnormal,
          };
          const before = gradeCreditRisk(history, '2021-01-01');
          const after = gradeCreditRisk({ ...history, [bump]: (history[bump] as number) + 1 }, '2021-01-01');
          return after.score >= before.score && creditClasses.indexOf(after.creditClass) >= creditClasses.indexOf(before.creditClass);
        },
      ),
    );
  });

  it('selects the rule set in force and sizes class strata by permille, rounding up', () => {
    expect(creditRiskRuleSetOn('2020-01-01').drawPermille).toEqual({ A: 50, B: 200, C: 600, D: 1000 });
    expect(() => creditRiskRuleSetOn('2018-12-31')).toThrow();
    expect(drawSizeFor(1000, 50)).toBe(50);
    expect(drawSizeFor(21, 50)).toBe(2);
    expect(drawSizeFor(0, 1000)).toBe(0);
    expect(drawSizeFor(7, 1000)).toBe(7);
  });
});
