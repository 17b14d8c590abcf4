import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { readIpExtractRow, yearOnYearPercent } from './ip-extract-row.ts';

const body = '91330206MA2GQ1234';
const code = body + creditCodeCheckCharacter(body);
const years = { from: 2015, to: 2026 };

describe('readIpExtractRow', () => {
  it('reads a patent count row', () => {
    expect(
      readIpExtractRow({ creditCode: code, firmName: '宁波某紧固件有限公司', year: '2020', kind: '发明专利申请', quantity: '12' }, years),
    ).toEqual({
      record: {
        creditCode: code,
        firmName: '宁波某紧固件有限公司',
        year: 2020,
        kind: 'invention_application',
        quantity: 12,
        amountFen: 0n,
      },
    });
  });

  it('reads an award amount in yuan with thousands separators', () => {
    expect(readIpExtractRow({ creditCode: code, firmName: '某公司', year: '2020', kind: '奖励补助', amount: '44,670.50' }, years)).toEqual({
      record: { creditCode: code, firmName: '某公司', year: 2020, kind: 'award_subsidy', quantity: 0, amountFen: 4_467_050n },
    });
  });

  it('names every bad cell of a row with its reason', () => {
    const result = readIpExtractRow({ creditCode: `${body}0`, firmName: '', year: '20', kind: '发明专利申请', quantity: '-3' }, years);
    expect('problems' in result && result.problems.map((problem) => problem.field)).toEqual(['creditCode', 'firmName', 'year', 'quantity']);
  });

  it('rejects an unknown kind and does not judge the count of an unknown kind', () => {
    const result = readIpExtractRow({ creditCode: code, firmName: '某公司', year: '2020', kind: '外观专利', quantity: 'x' }, years);
    expect('problems' in result && result.problems.map((problem) => problem.field)).toEqual(['kind']);
  });

  it('accepts any whole count up to six digits, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (quantity) => {
        const result = readIpExtractRow({ creditCode: code, firmName: '某公司', year: '2021', kind: '商标注册', quantity }, years);
        expect('record' in result).toBe(/^\d{1,6}$/.test(quantity.trim()));
      }),
    );
  });
});

describe('yearOnYearPercent', () => {
  it('gives the change in percent to two decimals, null without a base', () => {
    expect(yearOnYearPercent(790, 700)).toBe(12.86);
    expect(yearOnYearPercent(2044, 2100)).toBe(-2.67);
    expect(yearOnYearPercent(5, 0)).toBeNull();
    expect(yearOnYearPercent(5, null)).toBeNull();
  });
});
