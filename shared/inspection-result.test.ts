import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ItemResult, inspectionResult } from './inspection-result.ts';

const key = (result: ItemResult) => ({ result, isKey: true });
const general = (result: ItemResult) => ({ result, isKey: false });
const passes = (count: number) => Array.from({ length: count }, () => general('pass'));

describe('inspection result (SAMR Order 49 Art. 31–33)', () => {
  it('is 符合 with nothing to follow when every item is met or does not apply', () => {
    expect(inspectionResult([...passes(9), key('pass'), general('na'), key('na')])).toEqual({
      outcome: 'compliant',
      keyItemsWanting: 0,
      generalItemsWanting: 0,
      needsRectification: false,
      needsInvestigation: false,
    });
  });

  it('is 不符合 with investigation when one key item (★ 健康证明) fails and every other item passes', () => {
    expect(inspectionResult([general('pass'), general('pass'), key('fail'), ...passes(7)])).toEqual({
      outcome: 'non-compliant',
      keyItemsWanting: 1,
      generalItemsWanting: 0,
      needsRectification: true,
      needsInvestigation: true,
    });
  });

  it('is 不符合 when a key item is only partly met', () => {
    expect(inspectionResult([key('partial'), ...passes(5)])).toMatchObject({ outcome: 'non-compliant', keyItemsWanting: 1 });
  });

  it('is 基本符合 with rectification, no investigation, when only general items fail or are partly met', () => {
    expect(inspectionResult([general('fail'), general('partial'), key('pass'), ...passes(3)])).toEqual({
      outcome: 'basically-compliant',
      keyItemsWanting: 0,
      generalItemsWanting: 2,
      needsRectification: true,
      needsInvestigation: false,
    });
    expect(inspectionResult([general('partial')])).toMatchObject({ outcome: 'basically-compliant' });
  });

  it('counts both kinds when key and general items fail together', () => {
    expect(inspectionResult([key('fail'), key('partial'), general('fail'), general('na')])).toMatchObject({
      outcome: 'non-compliant',
      keyItemsWanting: 2,
      generalItemsWanting: 1,
    });
  });

  it('is 符合 for an empty or all-合理缺项 checklist: nothing was found wanting', () => {
    expect(inspectionResult([]).outcome).toBe('compliant');
    expect(inspectionResult([key('na'), general('na')]).outcome).toBe('compliant');
  });

  it('depends only on which items are wanting: key wanting ⇔ 不符合, else general wanting ⇔ 基本符合', () => {
    const answer = fc.record({ result: fc.constantFrom<ItemResult>('pass', 'partial', 'fail', 'na'), isKey: fc.boolean() });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), (answers) => {
        const result = inspectionResult(answers);
        const wanting = answers.filter((item) => item.result === 'fail' || item.result === 'partial');
        const expected = wanting.some((item) => item.isKey) ? 'non-compliant' : wanting.length ? 'basically-compliant' : 'compliant';
        expect(result.outcome).toBe(expected);
        expect(result.keyItemsWanting + result.generalItemsWanting).toBe(wanting.length);
        expect(result.needsRectification).toBe(result.outcome !== 'compliant');
        expect(result.needsInvestigation).toBe(result.outcome === 'non-compliant');
        // Order does not matter.
        expect(inspectionResult([...answers].reverse())).toEqual(result);
      }),
    );
  });
});
