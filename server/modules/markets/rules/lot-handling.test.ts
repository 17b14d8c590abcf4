import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lotHandlingActions, rapidTestResults } from '../../../../shared/vocabularies/markets.ts';
import { handleLot, handlingDone, lotAfterTest } from './lot-handling.ts';

describe('lot handling after a rapid test', () => {
  it('a positive result blocks the lot, a negative one releases it', () => {
    expect(lotAfterTest('positive')).toEqual({ status: 'blocked', reported: false });
    expect(lotAfterTest('negative')).toEqual({ status: 'released', reported: false });
  });

  it('destroy, re-test and report', () => {
    const blocked = lotAfterTest('positive');
    expect(handleLot(blocked, 'destroy')).toEqual({ ok: true, state: { status: 'destroyed', reported: false } });
    expect(handleLot(blocked, 're_test', 'negative')).toEqual({ ok: true, state: { status: 'released', reported: false } });
    expect(handleLot(blocked, 're_test', 'positive')).toEqual({ ok: true, state: { status: 'blocked', reported: false } });
    expect(handleLot(blocked, 're_test')).toEqual({ ok: false, reason: 'retest_result_missing' });
    expect(handleLot(blocked, 'report')).toEqual({ ok: true, state: { status: 'blocked', reported: true } });
    expect(handleLot({ status: 'blocked', reported: true }, 'report')).toEqual({ ok: false, reason: 'already_reported' });
    expect(handleLot({ status: 'destroyed', reported: false }, 'destroy')).toEqual({ ok: false, reason: 'not_blocked' });
    expect(handleLot({ status: 'released', reported: false }, 're_test', 'negative')).toEqual({ ok: false, reason: 'not_blocked' });
    expect(handleLot({ status: 'destroyed', reported: false }, 'report')).toEqual({
      ok: true,
      state: { status: 'destroyed', reported: true },
    });
  });

  it('handling is done when the lot is out of the blocked state and reported', () => {
    expect(handlingDone('negative', { status: 'released', reported: false })).toBe(true);
    expect(handlingDone('positive', { status: 'blocked', reported: true })).toBe(false);
    expect(handlingDone('positive', { status: 'destroyed', reported: false })).toBe(false);
    expect(handlingDone('positive', { status: 'destroyed', reported: true })).toBe(true);
  });

  it('no sequence of steps ever un-destroys a lot or un-reports it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...lotHandlingActions), fc.option(fc.constantFrom(...rapidTestResults), { nil: undefined }))),
        (steps) => {
          let state = lotAfterTest('positive');
          for (const [action, retest] of steps) {
            const before = state;
            const outcome = handleLot(state, action, retest);
            if (!outcome.ok) continue;
            state = outcome.state;
            if (before.status === 'destroyed') expect(state.status).toBe('destroyed');
            if (before.reported) expect(state.reported).toBe(true);
          }
        },
      ),
    );
  });
});
