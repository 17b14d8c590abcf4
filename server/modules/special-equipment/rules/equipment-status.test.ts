import { describe, expect, it } from 'vitest';
import { statusChangeProblem } from './equipment-status.ts';

describe('equipment status changes (TSG 08-2017 §2.9–2.10)', () => {
  it('in use → stopped on or after the day it went into use is allowed', () => {
    expect(statusChangeProblem({ status: 'in_use', since: '2019-03-01' }, { status: 'stopped', since: '2019-03-01' })).toBeNull();
    expect(statusChangeProblem({ status: 'stopped', since: '2020-01-10' }, { status: 'in_use', since: '2020-06-01' })).toBeNull();
    expect(statusChangeProblem({ status: 'stopped', since: '2020-01-10' }, { status: 'scrapped', since: '2020-01-10' })).toBeNull();
  });

  it('scrapped equipment never changes again', () => {
    expect(statusChangeProblem({ status: 'scrapped', since: '2020-01-10' }, { status: 'in_use', since: '2021-01-01' })).toBe(
      'scrapped_is_final',
    );
  });

  it('a change must change the status, and cannot precede the current one', () => {
    expect(statusChangeProblem({ status: 'in_use', since: '2019-03-01' }, { status: 'in_use', since: '2020-03-01' })).toBe('same_status');
    expect(statusChangeProblem({ status: 'in_use', since: '2019-03-01' }, { status: 'stopped', since: '2019-02-28' })).toBe(
      'before_current',
    );
  });
});
