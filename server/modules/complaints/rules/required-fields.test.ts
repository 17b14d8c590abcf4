import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complaintFields, complaintRuleSetFor } from './complaint-rule-sets.ts';
import { missingRequiredFields } from './required-fields.ts';

const order20 = complaintRuleSetFor('2020-05-01');
const complete = {
  complainantName: '李四',
  complainantPhone: '13900001111',
  complainantAddress: '中河街道1号',
  respondentName: '某某餐饮店',
  respondentAddress: '中河路2号',
  request: '退还餐费',
  facts: '菜品变质',
};

describe('required fields of Order 20 Art. 9 and Art. 24', () => {
  it('asks a complaint for all seven fields and names each missing one', () => {
    expect(missingRequiredFields('complaint', complete, order20)).toEqual([]);
    expect(missingRequiredFields('complaint', { ...complete, request: ' ', complainantAddress: undefined }, order20)).toEqual([
      'complainantAddress',
      'request',
    ]);
  });

  it('lets a reporter stay anonymous but needs the respondent and the clue', () => {
    expect(missingRequiredFields('report', { respondentName: 'X', facts: '无证经营' }, order20, true)).toEqual([]);
    expect(missingRequiredFields('report', { respondentName: 'X', facts: '无证经营' }, order20, false)).toEqual([
      'complainantName',
      'complainantPhone',
    ]);
    expect(missingRequiredFields('report', {}, order20, true)).toEqual(['respondentName', 'facts']);
  });

  it('reports exactly the blank fields of a complaint', () => {
    fc.assert(
      fc.property(fc.subarray([...complaintFields]), (blanked) => {
        const values = { ...complete, ...Object.fromEntries(blanked.map((field) => [field, ''])) };
        return (
          JSON.stringify(missingRequiredFields('complaint', values, order20)) ===
          JSON.stringify(complaintFields.filter((field) => blanked.includes(field)))
        );
      }),
    );
  });
});
