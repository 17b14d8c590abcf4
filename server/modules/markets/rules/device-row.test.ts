import { describe, expect, it } from 'vitest';
import { readDeviceRow } from './device-row.ts';

const stalls = new Set(['A01', 'A02']);

describe("the testing device's CSV row", () => {
  it('reads the Chinese headers and words', () => {
    expect(
      readDeviceRow(
        { 检测日期: '2020/12/31 08:15:02', 摊位号: 'A01', 样品名称: '青菜', 检测项目: '农药残留', 检测结果: '阳性' },
        stalls,
        '2020-12-31',
      ),
    ).toEqual({
      ok: true,
      test: { testedOn: '2020-12-31', stallNumber: 'A01', product: '青菜', item: 'pesticide_residue', result: 'positive' },
    });
    expect(
      readDeviceRow({ date: '2020-12-30', stall: 'A02', product: 'pork', item: 'clenbuterol', result: 'Negative' }, stalls, '2020-12-31'),
    ).toEqual({
      ok: true,
      test: { testedOn: '2020-12-30', stallNumber: 'A02', product: 'pork', item: 'clenbuterol', result: 'negative' },
    });
  });

  it('names every bad cell', () => {
    expect(
      readDeviceRow({ 检测日期: '2020/02/30', 摊位号: 'B9', 样品名称: '', 检测项目: '重金属', 检测结果: '可疑' }, stalls, '2020-12-31'),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'testedOn', problem: 'invalid' },
        { field: 'stall', problem: 'unknown_stall' },
        { field: 'product', problem: 'missing' },
        { field: 'item', problem: 'invalid' },
        { field: 'result', problem: 'invalid' },
      ],
    });
    expect(
      readDeviceRow({ 检测日期: '2021-01-01', 摊位号: 'A01', 样品名称: '青菜', 检测项目: '农残', 检测结果: '阴性' }, stalls, '2020-12-31'),
    ).toEqual({
      ok: false,
      errors: [{ field: 'testedOn', problem: 'future' }],
    });
  });
});
