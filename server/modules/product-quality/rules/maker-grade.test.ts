import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenceStates } from '../../../../shared/vocabularies/product-quality.ts';
import { bureauMakerGradeSetting, gradeMaker, licenceState, type MakerFacts, nextInspectionDue } from './maker-grade.ts';

const clean: MakerFacts = { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'valid' };

describe('gradeMaker (bureau setting)', () => {
  it('a maker with nothing against it is A, inspected every 24 months', () => {
    expect(gradeMaker(clean)).toEqual({ grade: 'A', points: 0, reasons: [], inspectionIntervalMonths: 24 });
  });

  it('two complaints (10 points) make B, every 12 months', () => {
    expect(gradeMaker({ ...clean, complaints12m: 2 })).toEqual({
      grade: 'B',
      points: 10,
      reasons: [{ reason: 'complaints', points: 10 }],
      inspectionIntervalMonths: 12,
    });
  });

  it('one failed sample (30) makes C, every 6 months', () => {
    expect(gradeMaker({ ...clean, failedSamples12m: 1 })).toMatchObject({ grade: 'C', points: 30, inspectionIntervalMonths: 6 });
  });

  it('one failed sample and one penalty (55) stay C; with an expiring licence (65) D, every 3 months', () => {
    expect(gradeMaker({ ...clean, failedSamples12m: 1, penalties12m: 1 })).toMatchObject({ grade: 'C', points: 55 });
    expect(gradeMaker({ ...clean, failedSamples12m: 1, penalties12m: 1, licence: 'expiring' })).toEqual({
      grade: 'D',
      points: 65,
      reasons: [
        { reason: 'failed_samples', points: 30 },
        { reason: 'penalties', points: 25 },
        { reason: 'licence', points: 10 },
      ],
      inspectionIntervalMonths: 3,
    });
  });

  it('caps each cause: five failed samples count 60, ten complaints 20', () => {
    expect(gradeMaker({ ...clean, failedSamples12m: 5, complaints12m: 10 })).toMatchObject({ points: 80, grade: 'D' });
  });

  it('making a licensed product without a licence is D on its own (60)', () => {
    expect(gradeMaker({ ...clean, licence: 'missing' })).toMatchObject({ grade: 'D', points: 60 });
    expect(gradeMaker({ ...clean, licence: 'expired' })).toMatchObject({ grade: 'C', points: 40 });
  });

  it('is marked as a bureau setting, not a national rule', () => {
    expect(bureauMakerGradeSetting.source).toBe('bureau_setting');
  });

  const facts = fc.record({
    failedSamples12m: fc.nat(20),
    penalties12m: fc.nat(20),
    complaints12m: fc.nat(50),
    licence: fc.constantFrom(...licenceStates),
  });
  const rank = { A: 0, B: 1, C: 2, D: 3 } as const;

  it('never grades a maker better for more failures, penalties or complaints (monotone)', () => {
    fc.assert(
      fc.property(facts, fc.nat(3), fc.nat(3), fc.nat(5), (base, moreFailed, morePenalties, moreComplaints) => {
        const worse = {
          ...base,
          failedSamples12m: base.failedSamples12m + moreFailed,
          penalties12m: base.penalties12m + morePenalties,
          complaints12m: base.complaints12m + moreComplaints,
        };
        const before = gradeMaker(base);
        const after = gradeMaker(worse);
        expect(after.points).toBeGreaterThanOrEqual(before.points);
        expect(rank[after.grade]).toBeGreaterThanOrEqual(rank[before.grade]);
        // A worse grade is never inspected less often.
        expect(after.inspectionIntervalMonths).toBeLessThanOrEqual(before.inspectionIntervalMonths);
      }),
    );
  });

  it('points are the sum of the reasons, and bounded by the caps', () => {
    fc.assert(
      fc.property(facts, (input) => {
        const result = gradeMaker(input);
        expect(result.points).toBe(result.reasons.reduce((sum, reason) => sum + reason.points, 0));
        expect(result.points).toBeLessThanOrEqual(60 + 50 + 20 + 60);
      }),
    );
  });
});

describe('licenceState and nextInspectionDue', () => {
  it('reads the licence on a day: not required, missing, expired, expiring within 90 days, valid', () => {
    expect(licenceState({ isRequired: false, number: null, validUntil: null }, '2021-01-01')).toBe('not_required');
    expect(licenceState({ isRequired: true, number: null, validUntil: null }, '2021-01-01')).toBe('missing');
    expect(licenceState({ isRequired: true, number: 'XK-1', validUntil: '2020-12-31' }, '2021-01-01')).toBe('expired');
    expect(licenceState({ isRequired: true, number: 'XK-1', validUntil: '2021-04-01' }, '2021-01-01')).toBe('expiring');
    expect(licenceState({ isRequired: true, number: 'XK-1', validUntil: '2021-04-02' }, '2021-01-01')).toBe('valid');
  });

  it('is due the grade’s months after the last inspection (end of a shorter month kept), or today if never inspected', () => {
    expect(nextInspectionDue('2020-08-31', 6, '2021-01-01')).toBe('2021-02-28');
    expect(nextInspectionDue('2020-05-15', 24, '2021-01-01')).toBe('2022-05-15');
    expect(nextInspectionDue(null, 3, '2021-01-01')).toBe('2021-01-01');
  });
});
