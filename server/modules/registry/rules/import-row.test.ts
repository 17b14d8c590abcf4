import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { isMaskedValue, readImportRow } from './import-row.ts';

const body = '92330212MA0000001';
const creditCode = body + creditCodeCheckCharacter(body);
const columns = { 代码: 'creditCode', 名称: 'name', 电话: 'phone', 身份证: 'legalRepIdNumber' } as const;
const read = (cells: Record<string, string>) =>
  readImportRow({ 代码: creditCode, 名称: '顺发餐饮店', ...cells }, columns, { streets: [], today: '2026-12-06' });

describe('masked values in an import (our own export read back)', () => {
  it('recognises the masks our exports write, and nothing else', () => {
    for (const masked of ['185****4719', '138 **** 5678', '330211********1234', '11010519491****02X', '****89'])
      expect(isMaskedValue(masked), masked).toBe(true);
    for (const plain of ['18512344719', '', '*', 'abc**def', '185*4719', '0574-87654321']) expect(isMaskedValue(plain), plain).toBe(false);
  });

  it('leaves a masked phone and ID number unchanged instead of rejecting the row', () => {
    const result = read({ 电话: '185****4719', 身份证: '330211********1234' });
    expect(result.reasons).toEqual([]);
    expect(result.entity).toEqual({ creditCode, name: '顺发餐饮店', kind: 'individual' });
    expect('phone' in result.entity).toBe(false);
  });

  it('still takes a real phone, clears an empty one and rejects a wrong one', () => {
    expect(read({ 电话: '138-1234-5678', 身份证: '' }).entity).toMatchObject({ phone: '13812345678', legalRepIdNumber: null });
    expect(read({ 电话: '', 身份证: '' }).entity).toMatchObject({ phone: null });
    expect(read({ 电话: '电话号码', 身份证: '' }).reasons.map((reason) => reason.field)).toEqual(['phone']);
  });
});
