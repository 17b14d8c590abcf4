import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read.ts';
import { xlsxOfArrays } from './xlsx.ts';

describe('readSpreadsheet', () => {
  it('reads a csv with a BOM: trimmed headers, rows numbered as Excel shows them, blank rows skipped, short rows padded', async () => {
    const file = Buffer.from('\uFEFF 名称 ,地址\r\n顺发餐饮店,中河路1号\r\n,\r\n恒达小吃店\r\n', 'utf8');
    expect(await readSpreadsheet(file, 'csv')).toEqual({
      headers: ['名称', '地址'],
      rows: [
        { rowNumber: 2, cells: { 名称: '顺发餐饮店', 地址: '中河路1号' } },
        { rowNumber: 4, cells: { 名称: '恒达小吃店', 地址: '' } },
      ],
    });
  });

  it('reads the first sheet of an xlsx the same way', async () => {
    const file = await xlsxOfArrays('登记', [
      ['名称', '地址'],
      ['顺发餐饮店', '中河路1号'],
      ['', ''],
      ['恒达小吃店', '中山路2号'],
    ]);
    const sheet = await readSpreadsheet(file, 'xlsx');
    expect(sheet.headers).toEqual(['名称', '地址']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { 名称: '顺发餐饮店', 地址: '中河路1号' } },
      { rowNumber: 4, cells: { 名称: '恒达小吃店', 地址: '中山路2号' } },
    ]);
  });

  it('answers a file it cannot read with a 400 naming why, for every module that imports', async () => {
    await expect(readSpreadsheet(Buffer.from('not a zip'), 'xlsx')).rejects.toMatchObject({
      code: 'spreadsheet.unreadable',
      definition: { status: 400 },
    });
    expect(() => readSpreadsheet(Buffer.from('a,"b\nc', 'utf8'), 'csv')).toThrow(
      expect.objectContaining({ code: 'spreadsheet.unreadable' }),
    );
  });
});
