import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskGrades } from '../../../../shared/vocabularies/food-safety.ts';
import { riskGradeOfListed, seriousListRuleFor } from './credit-raise.ts';

describe('seriousListRuleFor', () => {
  it('has no rule before SAMR Order 44 came into force on 2021-09-01, the national one from that day', () => {
    expect(seriousListRuleFor('330212', '2021-08-31')).toBeNull();
    expect(seriousListRuleFor('330212', '2021-09-01')?.id).toBe('cn-2021-order-44');
    expect(seriousListRuleFor('330212', '2026-12-06')?.id).toBe('cn-2021-order-44');
  });

  it('gives an Anhui district its own rule from 2024 and the national one before', () => {
    expect(seriousListRuleFor('340102', '2023-12-31')?.id).toBe('cn-2021-order-44');
    expect(seriousListRuleFor('340102', '2024-01-01')?.id).toBe('ah-2024');
  });
});

describe('riskGradeOfListed', () => {
  const national = seriousListRuleFor('330212', '2026-01-01');
  const anhui = seriousListRuleFor('340102', '2026-01-01');

  it('raises a listed business one grade under the national rule, D staying D', () => {
    expect(riskGrades.map((grade) => riskGradeOfListed(grade, true, national))).toEqual(['B', 'C', 'D', 'D']);
  });

  it('puts a listed business at D under the Anhui rule', () => {
    expect(riskGrades.map((grade) => riskGradeOfListed(grade, true, anhui))).toEqual(['D', 'D', 'D', 'D']);
  });

  it('leaves a business off the list, or a listing before any rule, where it was', () => {
    expect(riskGrades.map((grade) => riskGradeOfListed(grade, false, national))).toEqual(['A', 'B', 'C', 'D']);
    expect(riskGrades.map((grade) => riskGradeOfListed(grade, true, null))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('never lowers a grade, and never raises one by more than the rule says or below its floor', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...riskGrades),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.constantFrom(...riskGrades), { nil: null }),
        (grade, isListed, raiseBy, atLeast) => {
          const rule = { id: 'x', jurisdiction: '', effectiveFrom: '2021-09-01', raiseBy, atLeast, citation: '', isConfirmed: false };
          const before = riskGrades.indexOf(grade);
          const after = riskGrades.indexOf(riskGradeOfListed(grade, isListed, rule));
          if (!isListed) return after === before;
          const expected = Math.max(Math.min(3, before + raiseBy), atLeast ? riskGrades.indexOf(atLeast) : 0);
          return after === expected && after >= before;
        },
      ),
    );
  });
});
