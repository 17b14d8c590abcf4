import { describe, expect, it } from 'vitest';
import { readCatalogueRow, splitCatalogueList, standardPattern } from './catalogue-row.ts';

describe('a sampling-catalogue row', () => {
  it('splits lists on 、，,；; and new lines, trims, drops blanks and repeats', () => {
    expect(splitCatalogueList(' 甲醛释放量、稳定性；;稳定性\n 座面  静载荷 ,')).toEqual(['甲醛释放量', '稳定性', '座面 静载荷']);
  });

  it('reads a good row', () => {
    expect(
      readCatalogueRow({
        category: ' 家具 ',
        name: '木家具',
        standards: 'GB 18584-2001；GB/T 10357.7-2013',
        testItems: '甲醛释放量、稳定性',
      }),
    ).toEqual({
      record: { category: '家具', name: '木家具', standards: ['GB 18584-2001', 'GB/T 10357.7-2013'], testItems: ['甲醛释放量', '稳定性'] },
    });
  });

  it('names every bad cell', () => {
    expect(readCatalogueRow({ category: '', name: '', standards: '国标18584', testItems: '' })).toEqual({
      problems: [
        { field: 'category', message: '产品类别为空 / category is empty' },
        { field: 'name', message: '产品名称为空 / product is empty' },
        { field: 'standards', message: '标准编号格式有误：国标18584 / not a standard number: 国标18584' },
        { field: 'testItems', message: '检验项目为空 / no test item' },
      ],
    });
  });

  it('knows standard numbers: national, recommended, trade and group standards', () => {
    expect(
      ['GB 4806.7-2016', 'GB/T 3048.4-2007', 'SH/T 0689-2000', 'FZ/T 01057-2007', 'T/ZZB 1234-2020', 'GB18401', 'GB-2010', '18584'].map(
        (code) => standardPattern.test(code),
      ),
    ).toEqual([true, true, true, true, true, true, false, false]);
  });
});
