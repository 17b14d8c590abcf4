import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultListCriteria, listMembership } from './red-black-list.ts';

const all = (value: boolean) => Object.fromEntries(defaultListCriteria.items.map((item) => [item.key, value]));
const today = '2026-03-02';

describe('red / black list', () => {
  it('all items passed, no adverse record → red', () => {
    expect(
      listMembership(
        { latest: { on: '2026-01-05', answers: all(true) }, failedSamples12m: 0, penaltyCases12m: 0 },
        defaultListCriteria,
        today,
      ),
    ).toMatchObject({
      list: 'red',
      passedPercent: 100,
    });
  });
  it('a critical item failed → black with the item named', () => {
    const decision = listMembership(
      { latest: { on: '2026-01-05', answers: { ...all(true), food_safe: false } }, failedSamples12m: 0, penaltyCases12m: 0 },
      defaultListCriteria,
      today,
    );
    expect(decision.list).toBe('black');
    expect(decision.reasons[0]?.['zh-CN']).toBe('关键项不符合：食品安全（原料来源可追溯、无超范围超限量使用添加剂）');
  });
  it('one ordinary item failed → neither', () => {
    const decision = listMembership(
      { latest: { on: '2026-01-05', answers: { ...all(true), records: false } }, failedSamples12m: 0, penaltyCases12m: 0 },
      defaultListCriteria,
      today,
    );
    expect(decision).toMatchObject({ list: 'neither', passedPercent: 85 });
  });
  it('fewer than 60% passed → black; a penalty → black; failed sample keeps off red', () => {
    const few = { ...all(false), licence: true, food_safe: true, environment: true };
    expect(
      listMembership({ latest: { on: '2026-01-05', answers: few }, failedSamples12m: 0, penaltyCases12m: 0 }, defaultListCriteria, today)
        .list,
    ).toBe('black');
    expect(
      listMembership(
        { latest: { on: '2026-01-05', answers: all(true) }, failedSamples12m: 0, penaltyCases12m: 1 },
        defaultListCriteria,
        today,
      ).list,
    ).toBe('black');
    expect(
      listMembership(
        { latest: { on: '2026-01-05', answers: all(true) }, failedSamples12m: 1, penaltyCases12m: 0 },
        defaultListCriteria,
        today,
      ).list,
    ).toBe('neither');
  });
  it('not evaluated, or evaluated too long ago → neither', () => {
    expect(listMembership({ latest: null, failedSamples12m: 0, penaltyCases12m: 0 }, defaultListCriteria, today).list).toBe('neither');
    expect(
      listMembership(
        { latest: { on: '2025-03-01', answers: all(true) }, failedSamples12m: 0, penaltyCases12m: 0 },
        defaultListCriteria,
        today,
      ).list,
    ).toBe('neither');
  });
  it('failing one more item never moves a workshop from black to red', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), fc.nat(6), (flags, index) => {
        const answers = Object.fromEntries(defaultListCriteria.items.map((item, i) => [item.key, flags[i] as boolean]));
        const before = listMembership(
          { latest: { on: '2026-01-05', answers }, failedSamples12m: 0, penaltyCases12m: 0 },
          defaultListCriteria,
          today,
        ).list;
        const key = defaultListCriteria.items[index]?.key as string;
        const after = listMembership(
          { latest: { on: '2026-01-05', answers: { ...answers, [key]: false } }, failedSamples12m: 0, penaltyCases12m: 0 },
          defaultListCriteria,
          today,
        ).list;
        if (before === 'black') expect(after).toBe('black');
        if (after === 'red') expect(before).toBe('red');
      }),
    );
  });
});
