import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountableItem, countsAgainstBusinessFrom, countsInWindow } from './substantiated.ts';

const item = (over: Partial<CountableItem>): CountableItem => ({
  kind: 'complaint',
  acceptedOn: null,
  caseDecision: null,
  caseDecidedOn: null,
  ...over,
});

describe('complaints counting against a business', () => {
  it('counts an accepted complaint from its acceptance day, never a rejected or pending one', () => {
    expect(countsAgainstBusinessFrom(item({ acceptedOn: '2026-03-04' }))).toBe('2026-03-04');
    expect(countsAgainstBusinessFrom(item({}))).toBeNull();
  });
  it('counts a report only once a case was opened on it', () => {
    expect(countsAgainstBusinessFrom(item({ kind: 'report', caseDecision: 'case_opened', caseDecidedOn: '2026-05-01' }))).toBe(
      '2026-05-01',
    );
    expect(countsAgainstBusinessFrom(item({ kind: 'report', caseDecision: 'no_case', caseDecidedOn: '2026-05-01' }))).toBeNull();
    expect(countsAgainstBusinessFrom(item({ kind: 'report', acceptedOn: '2026-05-01' }))).toBeNull();
  });
  it('never counts a petition', () => {
    expect(countsAgainstBusinessFrom(item({ kind: 'petition', acceptedOn: '2026-05-01' }))).toBeNull();
  });
  it('counts inside the window only, both ends inclusive', () => {
    const accepted = item({ acceptedOn: '2026-01-10' });
    expect(countsInWindow(accepted, '2026-01-10', '2026-06-01')).toBe(true);
    expect(countsInWindow(accepted, '2025-01-10', '2026-01-10')).toBe(true);
    expect(countsInWindow(accepted, '2026-01-11', '2026-06-01')).toBe(false);
    expect(countsInWindow(accepted, '2025-01-01', '2026-01-09')).toBe(false);
  });
  it('a counted item always has a day inside the window (property)', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('complaint', 'report', 'petition' as const),
        fc.option(day, { nil: null }),
        fc.constantFrom('case_opened', 'no_case', null),
        fc.option(day, { nil: null }),
        day,
        day,
        (kind, acceptedOn, caseDecision, caseDecidedOn, since, today) => {
          const candidate = item({ kind: kind as CountableItem['kind'], acceptedOn, caseDecision, caseDecidedOn });
          const from = countsAgainstBusinessFrom(candidate);
          expect(countsInWindow(candidate, since, today)).toBe(from !== null && since <= from && from <= today);
          if (kind === 'petition') expect(from).toBeNull();
        },
      ),
    );
  });
});
