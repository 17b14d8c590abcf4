import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionValidity } from './session-validity.ts';

const policy = { idleMinutes: 30, absoluteHours: 12 };
const start = new Date('2026-03-02T00:00:00Z');
const plus = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('session validity', () => {
  it('ends at exactly 30 idle minutes and 12 hours after sign-in', () => {
    expect(sessionValidity({ createdAt: start, lastSeenAt: start }, new Date(plus(30).getTime() - 1), policy)).toBe('valid');
    expect(sessionValidity({ createdAt: start, lastSeenAt: start }, plus(30), policy)).toBe('idle_timeout');
    expect(sessionValidity({ createdAt: start, lastSeenAt: plus(719) }, plus(720), policy)).toBe('absolute_timeout');
  });

  it('is never valid past the absolute limit, whatever the activity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 720 }),
        fc.integer({ min: 720, max: 5000 }),
        (seen, now) => sessionValidity({ createdAt: start, lastSeenAt: plus(seen) }, plus(now), policy) === 'absolute_timeout',
      ),
    );
  });
});
