import { describe, expect, it } from 'vitest';
import { certifiedOperatorRate, inDateOn, nextDueAsOf, periodicInspectionRate, type RateRecord, registrationRate } from './rates.ts';

const elevator = (overrides: Partial<RateRecord> = {}): RateRecord => ({
  kind: 'elevator',
  firstUsedOn: '2018-05-01',
  registeredOn: '2018-05-10',
  status: 'in_use',
  statusSince: '2018-05-01',
  inspections: [],
  ...overrides,
});

describe('the bureau’s rates (documented setting, docs/decisions/0025)', () => {
  it('定检率: in-date equipment in use ÷ equipment in use, as of a day', () => {
    const records = [
      elevator({ inspections: [{ inspectedOn: '2020-04-01', result: 'pass' }] }), // due 2021-04-01: in date
      elevator({ inspections: [{ inspectedOn: '2019-04-01', result: 'pass' }] }), // due 2020-04-01: overdue on 2020-12-31
      elevator({ inspections: [{ inspectedOn: '2020-10-01', result: 'fail' }] }), // failed: not in date
      elevator({ status: 'stopped', statusSince: '2020-06-01' }), // stopped: out of both
      elevator({ firstUsedOn: '2021-01-05', registeredOn: null }), // not yet in use
    ];
    expect(periodicInspectionRate(records, '2020-12-31')).toEqual({ counted: 1, total: 3, percent: 33.33 });
    // As of 2020-05-01 the stopped one was still in use and overdue since 2019-05-01 (no inspection since first use).
    expect(periodicInspectionRate(records, '2020-05-01')).toEqual({ counted: 1, total: 4, percent: 25 });
  });

  it('an empty population has no rate', () => {
    expect(periodicInspectionRate([], '2020-12-31')).toEqual({ counted: 0, total: 0, percent: null });
  });

  it('the next due day as of a day reads only inspections made by then', () => {
    const record = elevator({
      inspections: [
        { inspectedOn: '2019-04-01', result: 'pass' },
        { inspectedOn: '2020-04-01', result: 'pass' },
      ],
    });
    expect(nextDueAsOf(record, '2020-03-31')).toBe('2020-04-01');
    expect(nextDueAsOf(record, '2020-04-01')).toBe('2021-04-01');
    expect(inDateOn(record, '2020-04-01')).toBe(true);
    expect(nextDueAsOf(elevator(), '2018-06-01')).toBe('2019-05-01');
  });

  it('use-registration rate: registered ÷ in use with the 30 days closed (or registered already)', () => {
    const records = [
      elevator(), // registered
      elevator({ firstUsedOn: '2020-12-20', registeredOn: null, inspections: [] }), // inside its 30 days: not counted
      elevator({ firstUsedOn: '2020-10-01', registeredOn: null }), // overdue
      elevator({ firstUsedOn: '2020-12-20', registeredOn: '2020-12-22' }), // registered early: counted
    ];
    expect(registrationRate(records, '2020-12-31')).toEqual({ counted: 2, total: 3, percent: 66.67 });
  });

  it('certified-operator rate: valid certificates on the day ÷ operators on duty', () => {
    const operators = [
      { onDutyFrom: '2019-01-01', validUntil: '2022-01-01' },
      { onDutyFrom: '2019-01-01', validUntil: '2020-12-30' }, // expired the day before
      { onDutyFrom: '2019-01-01', validUntil: null }, // no certificate
      { onDutyFrom: '2021-03-01', validUntil: '2025-03-01' }, // not on duty yet
    ];
    expect(certifiedOperatorRate(operators, '2020-12-31')).toEqual({ counted: 1, total: 3, percent: 33.33 });
    expect(certifiedOperatorRate(operators, '2020-12-30')).toEqual({ counted: 2, total: 3, percent: 66.67 });
  });
});
