import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmActions, alarmStatuses, firingDetectors, isNoteRequired, nextAlarmStatus } from './alarm-workflow.ts';

describe('the alarm workflow', () => {
  it('goes raised → seen → investigating → closed, may skip ahead, never back', () => {
    expect(nextAlarmStatus('raised', 'see')).toBe('seen');
    expect(nextAlarmStatus('seen', 'investigate')).toBe('investigating');
    expect(nextAlarmStatus('investigating', 'close')).toBe('closed');
    expect(nextAlarmStatus('raised', 'close')).toBe('closed');
    expect(nextAlarmStatus('investigating', 'see')).toBeNull();
    expect(nextAlarmStatus('closed', 'close')).toBeNull();
    expect([isNoteRequired('see'), isNoteRequired('investigate'), isNoteRequired('close')]).toEqual([false, true, true]);
  });

  it('every allowed step moves forward, and a closed alarm accepts nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...alarmStatuses), fc.constantFrom(...alarmActions), (status, action) => {
        const next = nextAlarmStatus(status, action);
        if (status === 'closed') expect(next).toBeNull();
        if (next !== null) expect(alarmStatuses.indexOf(next)).toBeGreaterThan(alarmStatuses.indexOf(status));
      }),
    );
  });

  it('names the detectors over the CDC thresholds', () => {
    expect(firingDetectors({ c1: 3, c2: 3.01, c3: 2 })).toEqual(['C2']);
    expect(firingDetectors({ c1: 4, c2: null, c3: 2.5 })).toEqual(['C1', 'C3']);
  });
});
