import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/calendar-day.ts';
import { cccFollowUpDue } from './ccc-follow-up.ts';

const exemption = { grantedOn: '2020-03-10', expiresOn: '2021-03-09', isRevoked: false };

describe('cccFollowUpDue (bureau setting)', () => {
  it('first check within 30 days of the grant', () => {
    expect(cccFollowUpDue(exemption, null)).toBe('2020-04-09');
  });
  it('then every 6 months', () => {
    expect(cccFollowUpDue(exemption, '2020-04-01')).toBe('2020-10-01');
  });
  it('a closing check within 30 days after expiry, then nothing', () => {
    expect(cccFollowUpDue(exemption, '2020-10-01')).toBe('2021-04-01');
    expect(cccFollowUpDue(exemption, '2020-12-20')).toBe('2021-04-08');
    expect(cccFollowUpDue(exemption, '2021-03-20')).toBeNull();
  });
  it('nothing for a revoked exemption', () => {
    expect(cccFollowUpDue({ ...exemption, isRevoked: true }, null)).toBeNull();
  });
  it('is never later than 30 days after expiry, and always after the last check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 700 }), (checkedAfter, length) => {
        const expiresOn = addDays(exemption.grantedOn, length);
        const last = addDays(exemption.grantedOn, checkedAfter);
        const due = cccFollowUpDue({ ...exemption, expiresOn }, last);
        if (last >= expiresOn) expect(due).toBeNull();
        else {
          expect(due !== null && due <= addDays(expiresOn, 30)).toBe(true);
          expect(due !== null && due > last).toBe(true);
        }
      }),
    );
  });
});
