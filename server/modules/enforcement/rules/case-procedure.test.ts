import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar, isWorkingDay, workingDaysBetween } from '../../../platform/calendar/working-days.ts';
import {
  type CaseStage,
  canAdvance,
  caseDocumentKinds,
  caseStages,
  decisionDue,
  filingDue,
  isDocumentAvailable,
  openCaseSteps,
  stageOrder,
} from './case-procedure.ts';

const migration = readFileSync(new URL('../../../../migrations/0003_holiday_calendar.sql', import.meta.url), 'utf8');
const calendar = buildHolidayCalendar(
  [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'/g)].map((match) => ({
    day: match[1] as string,
    kind: match[2] as 'holiday' | 'workday',
  })),
);

describe('case deadlines', () => {
  it('a lead found on 2020-09-25 must be filed or dropped by 2020-10-22 (15 working days over National Day), 2020-11-12 when extended', () => {
    expect(filingDue('2020-09-25', false, calendar)).toBe('2020-10-22');
    // +15 more: 10-23 (1), 10-26..10-30 (6), 11-2..11-6 (11), 11-9..11-12 (15).
    expect(filingDue('2020-09-25', true, calendar)).toBe('2020-11-12');
  });

  it('a lead found before the 2020 Spring Festival counts from 3 February', () => {
    // 1-21, 1-22, 1-23 (3), 2-3..2-7 (8), 2-10..2-14 (13), 2-17, 2-18 (15).
    expect(filingDue('2020-01-20', false, calendar)).toBe('2020-02-18');
  });

  it('the decision is due 90 calendar days after filing, 120 with the extension', () => {
    expect(decisionDue('2020-01-20', false)).toBe('2020-04-19');
    expect(decisionDue('2020-01-20', true)).toBe('2020-05-19');
  });

  it('every filing deadline is a working day exactly 15 working days on', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2026-10-01'), noInvalidDate: true }), (date) => {
        const leadOn = date.toISOString().slice(0, 10);
        const due = filingDue(leadOn, false, calendar);
        return isWorkingDay(due, calendar) && workingDaysBetween(leadOn, due, calendar) === 15;
      }),
    );
  });
});

describe('step order', () => {
  it('goes 立案 → 调查取证 → 告知 → 决定 → 执行 → 结案 one step at a time', () => {
    expect(canAdvance('lead', 'filed')).toBe(true);
    expect(canAdvance('lead', 'not_filed')).toBe(true);
    expect(canAdvance('lead', 'investigating')).toBe(false);
    expect(canAdvance('filed', 'decided')).toBe(false);
    expect(canAdvance('notified', 'decided')).toBe(true);
    expect(canAdvance('closed', 'lead')).toBe(false);
    expect(canAdvance('not_filed', 'filed')).toBe(false);
    expect(canAdvance('decided', 'decided')).toBe(false);
  });

  it('allows exactly one way forward from each open stage and none from the ends', () => {
    for (const from of caseStages) {
      const next = caseStages.filter((to) => canAdvance(from, to));
      if (from === 'closed' || from === 'not_filed') expect(next).toEqual([]);
      else if (from === 'lead') expect(next).toEqual(['filed', 'not_filed']);
      else expect(next).toEqual([stageOrder[stageOrder.indexOf(from) + 1]]);
    }
  });

  it('any walk of allowed steps visits the stages in the legal order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseStages), { maxLength: 20 }), (attempts) => {
        let stage: CaseStage = 'lead';
        const visited: CaseStage[] = [stage];
        for (const to of attempts) {
          if (canAdvance(stage, to)) {
            stage = to;
            visited.push(stage);
          }
        }
        const positions = visited.filter((entry) => entry !== 'not_filed').map((entry) => stageOrder.indexOf(entry));
        return positions.every((position, index) => position === index);
      }),
    );
  });

  it('names the current step by the earliest running deadline', () => {
    expect(openCaseSteps({ stage: 'lead', filingDue: '2020-02-18', decisionDue: null, publicationDue: null, publishedOn: null })).toEqual([
      { step: 'file', due: '2020-02-18' },
    ]);
    expect(
      openCaseSteps({
        stage: 'executed',
        filingDue: '2020-02-18',
        decisionDue: '2020-05-01',
        publicationDue: '2020-05-20',
        publishedOn: null,
      }),
    ).toEqual([{ step: 'publish', due: '2020-05-20' }]);
    expect(
      openCaseSteps({
        stage: 'closed',
        filingDue: '2020-02-18',
        decisionDue: '2020-05-01',
        publicationDue: '2020-05-20',
        publishedOn: '2020-05-10',
      }),
    ).toEqual([]);
  });

  it('makes each document at its stage', () => {
    const available = (stage: CaseStage, isPoliceTransferred = false) =>
      caseDocumentKinds.filter((kind) => isDocumentAvailable(kind, stage, isPoliceTransferred));
    expect(available('lead')).toEqual([]);
    expect(available('filed')).toEqual(['filing']);
    expect(available('decided')).toEqual(['filing', 'notice', 'decision']);
    expect(available('closed', true)).toEqual(['filing', 'notice', 'decision', 'closing', 'police_transfer']);
    expect(available('not_filed')).toEqual(['not_filing']);
  });
});
