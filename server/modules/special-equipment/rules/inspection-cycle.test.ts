import { describe, expect, it } from 'vitest';
import { cycleMonths, dueFlag, firstDue, type InspectionCycle, nextDueAfter } from './inspection-cycle.ts';

describe('periodic-inspection cycles (特种设备安全法 Art. 40, TSG cycles as the bureau applies them)', () => {
  it('an elevator passed on 2020-03-15 is due again on 2021-03-15; a pressure vessel three years on', () => {
    expect(nextDueAfter('elevator', '2020-03-15', 'pass')).toBe('2021-03-15');
    expect(nextDueAfter('elevator', '2020-03-15', 'pass_after_rectification')).toBe('2021-03-15');
    expect(nextDueAfter('pressure_vessel', '2020-03-15', 'pass')).toBe('2023-03-15');
    expect(nextDueAfter('lifting_machinery', '2020-02-29', 'pass')).toBe('2022-02-28');
  });

  it('a failed inspection is due again at once', () => {
    expect(nextDueAfter('boiler', '2020-06-01', 'fail')).toBe('2020-06-01');
  });

  it('the first periodic inspection falls one cycle after first use', () => {
    expect(firstDue('amusement_ride', '2019-12-31')).toBe('2020-12-31');
    expect(firstDue('pressure_pipeline', '2019-01-31')).toBe('2022-01-31');
  });

  it('a cycle row with a later effective date applies from that day only; a day before the table takes its oldest row', () => {
    const base = {
      elevator: 12,
      boiler: 12,
      pressure_vessel: 36,
      gas_cylinder: 36,
      pressure_pipeline: 36,
      lifting_machinery: 24,
      in_plant_vehicle: 12,
      passenger_ropeway: 12,
      amusement_ride: 12,
    };
    const cycles: InspectionCycle[] = [
      { effectiveFrom: '2000-01-01', months: base },
      { effectiveFrom: '2024-06-01', months: { ...base, elevator: 24 } },
    ];
    expect(cycleMonths('elevator', '2024-05-31', cycles)).toBe(12);
    expect(cycleMonths('elevator', '2024-06-01', cycles)).toBe(24);
    expect(cycleMonths('elevator', '1999-12-31', cycles)).toBe(12); // before the table: the oldest row
  });

  it('due soon from one month before the due day (the request reminder), overdue the day after it', () => {
    expect(dueFlag('2021-03-15', '2021-02-14')).toBe('in_date');
    expect(dueFlag('2021-03-15', '2021-02-15')).toBe('due_soon');
    expect(dueFlag('2021-03-15', '2021-03-15')).toBe('due_soon');
    expect(dueFlag('2021-03-15', '2021-03-16')).toBe('overdue');
  });
});
