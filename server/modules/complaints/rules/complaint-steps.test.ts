import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, buildHolidayCalendar, isWorkingDay, workingDaysBetween } from '../../../platform/calendar/working-days.ts';
import { complaintRuleSetFor, complaintRuleSets, firstRuleDay } from './complaint-rule-sets.ts';
import {
  applyAction,
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintState,
  canPerform,
  complaintActions,
  intakeState,
  isTimeBarred,
  openSteps,
} from './complaint-steps.ts';

const migration = readFileSync(new URL('../../../../migrations/0003_holiday_calendar.sql', import.meta.url), 'utf8');
const calendar = buildHolidayCalendar(
  [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'/g)].map((match) => ({
    day: match[1] as string,
    kind: match[2] as 'holiday' | 'workday',
  })),
);

function fresh(kind: ComplaintKind, receivedOn: string, isAnonymous = false): ComplaintState {
  const intake = intakeState(kind, receivedOn, calendar);
  return {
    kind,
    receivedOn,
    isAnonymous,
    ruleSet: intake.ruleSet,
    status: intake.status ?? 'received',
    acceptDue: intake.acceptDue ?? null,
    mediationDue: null,
    notifyDue: null,
    verifyDue: intake.verifyDue ?? null,
    verifyExtended: false,
    caseDecidedOn: null,
    replyDue: null,
    handleDue: null,
  };
}

function act(state: ComplaintState, action: ComplaintAction, on: string, options: { caseOpened?: boolean } = {}): ComplaintState {
  expect(canPerform(action, state)).toBe(true);
  const patch = applyAction(action, state, on, calendar, options);
  return { ...state, ...patch } as ComplaintState;
}

describe('rule set in force on the day of receipt', () => {
  it('uses Order 20 from 2020-01-01 to 2026-04-14 and Order 121 (unconfirmed) from 2026-04-15', () => {
    expect(complaintRuleSetFor('2019-12-31').id).toBe('saic-order-62');
    expect(complaintRuleSetFor('2020-01-01').id).toBe('samr-order-20');
    expect(complaintRuleSetFor('2026-04-14').id).toBe('samr-order-20');
    expect(complaintRuleSetFor('2026-04-15')).toMatchObject({ id: 'samr-order-121', isConfirmed: false });
    expect(complaintRuleSetFor('2020-06-01')).toMatchObject({ isConfirmed: true, acceptWorkingDays: 7, mediationWorkingDays: 45 });
    expect(() => complaintRuleSetFor('2010-01-01')).toThrow(RangeError);
  });

  it('knows the first day any rule set covers, per kind: intake refuses an earlier day of receipt', () => {
    expect(firstRuleDay('complaint')).toBe('2014-03-15');
    expect(firstRuleDay('report')).toBe('2014-03-15');
    expect(firstRuleDay('petition')).toBe('2005-05-01');
    expect(() => complaintRuleSetFor(firstRuleDay('complaint'))).not.toThrow();
  });

  it('leaves no gap and no overlap between the sets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6000 }), (offset) => {
        const day = addCalendarDays('2014-03-15', offset);
        return (
          complaintRuleSets.filter((set) => set.effectiveFrom <= day && (set.effectiveTo === null || day <= set.effectiveTo)).length === 1
        );
      }),
    );
  });
});

describe('Order 20 deadlines in working days', () => {
  it('a complaint received on Friday 2020-09-25 must be accepted by 2020-10-12, across National Day and the make-up Sunday', () => {
    expect(fresh('complaint', '2020-09-25').acceptDue).toBe('2020-10-12');
  });

  it('a complaint received on 2020-01-20 must be accepted by 2020-02-06: the Spring Festival extended to 2 February', () => {
    expect(fresh('complaint', '2020-01-20').acceptDue).toBe('2020-02-06');
  });

  it('mediation accepted on 2020-09-28 ends without agreement 45 working days later, on 2020-12-07', () => {
    // 9-29, 9-30 (2); holidays 10-1..10-8; 10-9 (3), 10-10 Sat make-up (4); 10-12..12-4 = 8 weeks (44); 12-7 (45).
    const accepted = act(fresh('complaint', '2020-09-25'), 'accept', '2020-09-28');
    expect(accepted).toMatchObject({ status: 'mediating', mediationDue: '2020-12-07' });
    expect(openSteps(accepted)).toEqual([{ step: 'mediate', due: '2020-12-07' }]);
  });

  it('after mediation the parties are told within 7 working days: ended 2020-04-30 → 2020-05-13 (May Day, make-up Saturday 5-9)', () => {
    // 5-1..5-5 holidays; 5-6 (1), 5-7 (2), 5-8 (3), 5-9 Sat make-up (4), 5-11 (5), 5-12 (6), 5-13 (7).
    const ended = act(act(fresh('complaint', '2020-04-20'), 'accept', '2020-04-21'), 'end_mediation', '2020-04-30');
    expect(ended).toMatchObject({ status: 'awaiting_reply', notifyDue: '2020-05-13' });
    expect(openSteps(ended)).toEqual([{ step: 'notify', due: '2020-05-13' }]);
    expect(act(ended, 'reply', '2020-05-12')).toMatchObject({ status: 'closed' });
  });

  it('a violation found during mediation is verified within 15 working days, extendable once by 15', () => {
    const mediating = act(fresh('complaint', '2020-09-25'), 'accept', '2020-09-28');
    const verifying = act(mediating, 'start_verification', '2020-09-30');
    // 10-9 (1), 10-10 (2), 10-12..10-16 (7), 10-19..10-23 (12), 10-26, 10-27, 10-28 (15).
    expect(verifying.verifyDue).toBe('2020-10-28');
    expect(openSteps(verifying).map((entry) => entry.step)).toEqual(['verify', 'mediate']);
    const extended = act(verifying, 'extend_verification', '2020-10-20');
    expect(extended.verifyDue).toBe('2020-11-18');
    expect(canPerform('extend_verification', extended)).toBe(false);
  });

  it('a real-name reporter is told of the decision to open a case within 5 working days; an anonymous report closes', () => {
    const report = fresh('report', '2020-09-25');
    // 9-27 Sun make-up (1), 9-28..9-30 (4), 10-9 (5), 10-10 Sat make-up (6), 10-12..10-16 (11), 10-19..10-22 (15).
    expect(report).toMatchObject({ status: 'verifying', verifyDue: '2020-10-22' });
    const decided = act(report, 'decide_case', '2020-09-30', { caseOpened: true });
    // 10-9, 10-10, 10-12, 10-13, 10-14.
    expect(decided).toMatchObject({ status: 'awaiting_reply', replyDue: '2020-10-14' });
    expect(act(fresh('report', '2020-09-25', true), 'decide_case', '2020-09-30', { caseOpened: true })).toMatchObject({ status: 'closed' });
  });

  it('petitions count calendar days: accept within 15, finish within 60 (+30)', () => {
    const petition = fresh('petition', '2020-09-25');
    expect(petition.acceptDue).toBe('2020-10-10');
    const accepted = act(petition, 'accept', '2020-10-09');
    expect(accepted.handleDue).toBe('2020-12-08');
    expect(act(accepted, 'extend_handling', '2020-12-01').handleDue).toBe('2021-01-07');
  });

  it('every working-day deadline is a working day exactly N working days after its start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2400 }), (offset) => {
        const receivedOn = addCalendarDays('2020-01-01', offset);
        const due = fresh('complaint', receivedOn).acceptDue as string;
        return isWorkingDay(due, calendar) && workingDaysBetween(receivedOn, due, calendar) === 7;
      }),
    );
  });
});

describe('step order', () => {
  it('refuses every action the state does not allow', () => {
    const received = fresh('complaint', '2020-06-01');
    expect(complaintActions.filter((action) => canPerform(action, received))).toEqual(['accept', 'reject']);
    const closed = act(received, 'reject', '2020-06-02');
    expect(complaintActions.filter((action) => canPerform(action, closed))).toEqual([]);
    expect(openSteps(closed)).toEqual([]);
    const report = fresh('report', '2020-06-01');
    expect(complaintActions.filter((action) => canPerform(action, report))).toEqual(['extend_verification', 'decide_case']);
  });

  it('never leaves an open item without a current step, whatever the allowed actions taken', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ComplaintKind>('complaint', 'report', 'petition'),
        fc.array(fc.constantFrom(...complaintActions), { maxLength: 8 }),
        fc.boolean(),
        (kind, actions, caseOpened) => {
          let state = fresh(kind, '2020-03-02');
          let day = '2020-03-03';
          for (const action of actions) {
            if (!canPerform(action, state)) continue;
            state = { ...state, ...applyAction(action, state, day, calendar, { caseOpened }) } as ComplaintState;
            if (action === 'extend_handling') state.handleExtended = true;
            day = addCalendarDays(day, 3);
          }
          const isOpen = state.status !== 'closed' && state.status !== 'rejected';
          return isOpen === openSteps(state).length > 0;
        },
      ),
    );
  });
});

describe('three-year limit (Art. 15(4))', () => {
  it('keeps the third anniversary in time and rejects the day after', () => {
    const rules = { limitationYears: 3 };
    expect(isTimeBarred('2017-06-01', '2020-06-01', rules)).toBe(false);
    expect(isTimeBarred('2017-06-01', '2020-06-02', rules)).toBe(true);
    expect(isTimeBarred('2016-02-29', '2019-02-28', rules)).toBe(false);
    expect(isTimeBarred('2016-02-29', '2019-03-01', rules)).toBe(true);
  });
});
