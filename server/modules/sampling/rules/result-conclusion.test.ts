import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conclusionOf } from './result-conclusion.ts';

describe('conclusion from item results', () => {
  const items = ['铝的残留量', '苯甲酸及其钠盐'];
  it('is qualified when every item passes and unqualified when one fails', () => {
    expect(
      conclusionOf(
        items,
        items.map((itemName) => ({ itemName, verdict: 'pass' as const })),
      ),
    ).toEqual({ ok: true, conclusion: 'qualified' });
    expect(
      conclusionOf(items, [
        { itemName: '铝的残留量', verdict: 'fail' },
        { itemName: '苯甲酸及其钠盐', verdict: 'pass' },
      ]),
    ).toEqual({ ok: true, conclusion: 'unqualified' });
  });
  it('names missing, unplanned and repeated items', () => {
    expect(
      conclusionOf(items, [
        { itemName: '铝的残留量', verdict: 'pass' },
        { itemName: '铝的残留量', verdict: 'pass' },
        { itemName: '甜蜜素', verdict: 'pass' },
      ]),
    ).toEqual({ ok: false, missing: ['苯甲酸及其钠盐'], unplanned: [2], repeated: [1] });
  });
  it('property: with one result per planned item, the conclusion is unqualified exactly when some item fails', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (names, fails) => {
          const results = names.map((itemName, index) => ({ itemName, verdict: fails[index] ? ('fail' as const) : ('pass' as const) }));
          const check = conclusionOf(names, results);
          expect(check).toEqual({
            ok: true,
            conclusion: results.some((result) => result.verdict === 'fail') ? 'unqualified' : 'qualified',
          });
        },
      ),
    );
  });
});
