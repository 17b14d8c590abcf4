import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDate, clause, documentDate, documentNumber } from './case-document-text.ts';
import { caseDocumentKinds } from './case-procedure.ts';

const case365 = {
  filedOn: '2020-11-02',
  notifiedOn: '2020-12-10',
  decidedOn: '2020-12-16',
  closedOn: '2020-12-28',
  policeTransferredOn: null,
};

describe('case document text', () => {
  it('dates each document with the day of its step: the 告知书 of case 365 on 2020-12-10, the 决定书 on 2020-12-16', () => {
    expect(documentDate('notice', case365)).toBe('2020-12-10');
    expect(documentDate('decision', case365)).toBe('2020-12-16');
    expect(documentDate('filing', case365)).toBe('2020-11-02');
    expect(documentDate('closing', case365)).toBe('2020-12-28');
    expect(documentDate('police_transfer', case365)).toBeNull();
    expect(chineseDate('2020-12-16')).toBe('2020年12月16日');
    expect(chineseDate('2021-01-05')).toBe('2021年1月5日');
  });
  it('numbers the decision by its 文号 and the others by the case number and a mark', () => {
    expect(documentNumber('decision', 'AJ2020-0365', '明市监罚处〔2020〕365号')).toBe('明市监罚处〔2020〕365号');
    expect(documentNumber('notice', 'AJ2020-0365', '明市监罚处〔2020〕365号')).toBe('AJ2020-0365-告');
    expect(documentNumber('filing', 'AJ2020-0365', null)).toBe('AJ2020-0365-立');
  });
  it('keeps one full stop: "证据确凿。" inside "经查，…。" and trailing commas or spaces go', () => {
    expect(`经查，${clause('事实清楚，证据确凿。', '当事人存在违法行为')}。`).toBe('经查，事实清楚，证据确凿。');
    expect(clause('  证据确凿。。 ', 'x')).toBe('证据确凿');
    expect(clause('售卖过期食品；', 'x')).toBe('售卖过期食品');
    expect(clause(' 。', '当事人存在违法行为')).toBe('当事人存在违法行为');
  });
  it('property: a clause never ends with punctuation, so the template never doubles it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('证', '据', '。', '，', ' ', '；', '.', 'a') }), (text) => {
        expect(`${clause(text, '无')}。`).not.toMatch(/[。，；.,;\s]。$/u);
      }),
    );
  });
  it('every kind has a date rule and a number', () => {
    for (const kind of caseDocumentKinds) {
      expect(documentNumber(kind, 'AJ1', 'D1')).not.toBe('');
      expect(documentDate(kind, { ...case365, policeTransferredOn: '2020-12-15' })).toMatch(/^2020-/);
    }
  });
});
