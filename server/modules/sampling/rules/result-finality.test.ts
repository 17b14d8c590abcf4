import { describe, expect, it } from 'vitest';
import { type FinalityInput, isResultFinal } from './result-finality.ts';

const base: FinalityInput = {
  isNotified: true,
  finalVerdict: 'unqualified',
  retestDue: '2020-10-12',
  retestRequestedOn: null,
  isRetestNotified: false,
  objectionFiledAt: null,
};

describe('when a result is final', () => {
  it('a qualified result is final once notified', () => {
    expect(isResultFinal({ ...base, finalVerdict: 'qualified', retestDue: null }, '2020-09-25')).toBe(true);
    expect(isResultFinal({ ...base, isNotified: false, finalVerdict: 'qualified' }, '2020-09-25')).toBe(false);
  });
  it('an unqualified result waits for the re-test window to close', () => {
    expect(isResultFinal(base, '2020-10-12')).toBe(false);
    expect(isResultFinal(base, '2020-10-13')).toBe(true);
  });
  it('with a re-test requested, only the notified re-test makes it final', () => {
    expect(isResultFinal({ ...base, retestRequestedOn: '2020-09-30' }, '2021-01-01')).toBe(false);
    expect(
      isResultFinal({ ...base, retestRequestedOn: '2020-09-30', isRetestNotified: true, finalVerdict: 'qualified' }, '2020-10-20'),
    ).toBe(true);
    expect(isResultFinal({ ...base, objectionFiledAt: new Date(), retestDue: null }, '2021-01-01')).toBe(false);
  });
});
