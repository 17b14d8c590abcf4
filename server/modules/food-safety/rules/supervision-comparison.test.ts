import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateState, certificateValidUntil, certificateWarning, complianceBasisPoints, isEmployedOn } from './certificate-state.ts';
import {
  cancelledEntityActiveFindings,
  type EntitySnapshot,
  type LicenceSnapshot,
  licenceInvalidFindings,
  personAtTooManyShopsFindings,
  reconcileFindings,
  rectificationOverdueFindings,
  runComparison,
  type StaffSnapshot,
  staffCertificateFindings,
  uploadContradictionFindings,
} from './supervision-comparison.ts';

const today = '2020-11-15';
const shop = (id: number, status = 'active'): EntitySnapshot => ({ id, status, name: `店${id}`, address: `路${id}号` });
const person = (id: number, entityId: number, over: Partial<StaffSnapshot> = {}): StaffSnapshot => ({
  id,
  entityId,
  idBlindIndex: `b${id}`,
  isFullTime: true,
  hiredOn: '2019-01-01',
  leftOn: null,
  certificateValidUntil: '2021-01-01',
  ...over,
});
const licence = (id: number, entityId: number, over: Partial<LicenceSnapshot> = {}): LicenceSnapshot => ({
  id,
  entityId,
  number: `JY1330212000${id}`,
  kind: 'food',
  status: 'valid',
  validUntil: '2024-01-01',
  ...over,
});

describe('health certificate state', () => {
  it('valid one year: examined 2020-02-29 → valid through 2021-02-27; examined 2019-03-01 → through 2020-02-29', () => {
    expect(certificateValidUntil('2020-02-29')).toBe('2021-02-27');
    expect(certificateValidUntil('2019-03-01')).toBe('2020-02-29');
    expect(certificateValidUntil('2019-12-31')).toBe('2020-12-30');
    expect(certificateValidUntil('2020-01-01')).toBe('2020-12-31');
  });
  it('warns at 30 and 7 days, expired the day after the last valid day', () => {
    expect(certificateWarning('2020-12-31', '2020-12-01')).toBe(null);
    expect(certificateWarning('2020-12-31', '2020-12-02')).toBe('expiring-30');
    expect(certificateWarning('2020-12-31', '2020-12-24')).toBe('expiring-30');
    expect(certificateWarning('2020-12-31', '2020-12-25')).toBe('expiring-7');
    expect(certificateWarning('2020-12-31', '2020-12-31')).toBe('expiring-7');
    expect(certificateWarning('2020-12-31', '2021-01-01')).toBe('expired');
    expect(certificateWarning(null, '2021-01-01')).toBe('missing');
    expect(certificateState('2020-12-31', '2020-12-02')).toBe('expiring');
    expect(certificateState('2020-12-31', '2020-12-01')).toBe('valid');
  });
  it('employment: the leave day is no longer employed', () => {
    expect(isEmployedOn({ hiredOn: '2020-01-01', leftOn: '2020-06-01' }, '2020-05-31')).toBe(true);
    expect(isEmployedOn({ hiredOn: '2020-01-01', leftOn: '2020-06-01' }, '2020-06-01')).toBe(false);
    expect(isEmployedOn({ hiredOn: '2020-01-02', leftOn: null }, '2020-01-01')).toBe(false);
  });
  it('compliance rate in basis points, rounded half up', () => {
    expect(complianceBasisPoints(['valid', 'expiring', 'expired'])).toBe(6667);
    expect(complianceBasisPoints(['valid', 'missing'])).toBe(5000);
    expect(complianceBasisPoints([])).toBeNull();
  });
  it('property: the warning only gets more severe as the day advances', () => {
    const order = [null, 'expiring-30', 'expiring-7', 'expired'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2018-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.integer({ min: -60, max: 60 }),
        (date, step) => {
          const validUntil = date.toISOString().slice(0, 10);
          const a = new Date(date.getTime() + step * 86_400_000).toISOString().slice(0, 10);
          const b = new Date(date.getTime() + (step + 1) * 86_400_000).toISOString().slice(0, 10);
          return order.indexOf(certificateWarning(validUntil, b)) >= order.indexOf(certificateWarning(validUntil, a));
        },
      ),
    );
  });
});

describe('C1 staff at an open shop without a valid certificate', () => {
  it('raises expired and missing, ignores valid, departed staff and closed shops', () => {
    const staff = [
      person(1, 10, { certificateValidUntil: '2020-11-14' }),
      person(2, 10, { certificateValidUntil: null }),
      person(3, 10, { certificateValidUntil: '2020-11-15' }),
      person(4, 10, { certificateValidUntil: null, leftOn: '2020-11-01' }),
      person(5, 11, { certificateValidUntil: null }),
    ];
    const findings = staffCertificateFindings([shop(10), shop(11, 'cancelled')], staff, today);
    expect(findings.map((f) => [f.key, f.detail.state])).toEqual([
      ['staff-certificate:10:1', 'expired'],
      ['staff-certificate:10:2', 'missing'],
    ]);
  });
});

describe('C2 operating without a valid food licence', () => {
  it('raises when every food licence is expired or cancelled; a renewed licence clears it', () => {
    const expired = licence(1, 10, { validUntil: '2020-11-14' });
    expect(licenceInvalidFindings([shop(10)], [expired], today)).toMatchObject([
      { key: 'licence-invalid:10', detail: { licenceStatus: 'expired' } },
    ]);
    expect(licenceInvalidFindings([shop(10)], [licence(1, 10, { status: 'cancelled' })], today)).toMatchObject([
      { detail: { licenceStatus: 'cancelled' } },
    ]);
    expect(licenceInvalidFindings([shop(10)], [expired, licence(2, 10)], today)).toEqual([]);
    expect(licenceInvalidFindings([shop(10, 'cancelled')], [expired], today)).toEqual([]);
    expect(licenceInvalidFindings([shop(10)], [licence(1, 10, { kind: 'business', validUntil: '2000-01-01' })], today)).toEqual([]);
  });
});

describe('C3 approved upload contradicting the registry', () => {
  it('one finding per differing field; whitespace and full-width brackets do not count', () => {
    const upload = { entityId: 10, uploadId: 5, name: '店10（分店）', address: '路 10 号', licenceNumber: 'JY0000' };
    const entity = { ...shop(10), name: '店10(分店)' };
    const findings = uploadContradictionFindings([entity], [licence(1, 10)], [upload]);
    expect(findings.map((f) => f.key)).toEqual(['upload-contradicts-registry:10:licenceNumber']);
    const moved = uploadContradictionFindings(
      [entity],
      [licence(1, 10)],
      [{ ...upload, address: '新路1号', licenceNumber: 'jy13302120001' }],
    );
    expect(moved.map((f) => f.key)).toEqual(['upload-contradicts-registry:10:address']);
  });
});

describe('C4 rectification deadline passed', () => {
  it('raises the day after the deadline unless re-inspected', () => {
    const orders = [
      { id: 1, entityId: 10, deadline: '2020-11-14', closedOn: null },
      { id: 2, entityId: 10, deadline: '2020-11-15', closedOn: null },
      { id: 3, entityId: 10, deadline: '2020-11-01', closedOn: '2020-11-10' },
    ];
    expect(rectificationOverdueFindings(orders, today).map((f) => f.key)).toEqual(['rectification-overdue:1']);
  });
});

describe('C5 the same person full-time at too many shops', () => {
  it('three full-time shops for one blind index exceeds the default of two; part-time and departed do not count', () => {
    const staff = [
      person(1, 10, { idBlindIndex: 'X' }),
      person(2, 11, { idBlindIndex: 'X' }),
      person(3, 12, { idBlindIndex: 'X' }),
      person(4, 13, { idBlindIndex: 'Y' }),
      person(5, 14, { idBlindIndex: 'Y' }),
      person(6, 15, { idBlindIndex: 'Y', isFullTime: false }),
      person(7, 16, { idBlindIndex: 'Y', leftOn: '2020-01-01' }),
    ];
    expect(personAtTooManyShopsFindings(staff, today).map((f) => f.key)).toEqual([
      'person-at-too-many-shops:X:10',
      'person-at-too-many-shops:X:11',
      'person-at-too-many-shops:X:12',
    ]);
    expect(personAtTooManyShopsFindings(staff, today, 3)).toEqual([]);
  });
});

describe('C6 cancelled entity still active', () => {
  it('raises with open licences or active staff; clears once both are gone', () => {
    expect(cancelledEntityActiveFindings([shop(10, 'cancelled')], [licence(1, 10)], [], today)).toMatchObject([
      { detail: { openLicences: 1, activeStaff: 0 } },
    ]);
    expect(cancelledEntityActiveFindings([shop(10, 'cancelled')], [], [person(1, 10)], today)).toMatchObject([
      { detail: { activeStaff: 1 } },
    ]);
    expect(
      cancelledEntityActiveFindings(
        [shop(10, 'cancelled')],
        [licence(1, 10, { status: 'cancelled' })],
        [person(1, 10, { leftOn: '2020-10-01' })],
        today,
      ),
    ).toEqual([]);
  });
});

describe('reconciling a run with stored findings', () => {
  const sources = {
    entities: [shop(10), shop(11, 'cancelled')],
    licences: [licence(1, 10, { validUntil: '2020-01-01' }), licence(2, 11)],
    staff: [person(1, 10, { certificateValidUntil: null })],
    uploads: [],
    rectifications: [{ id: 9, entityId: 10, deadline: '2020-10-01', closedOn: null }],
  };
  it('a run opens each contradiction once; a rerun opens nothing new (de-duplicated)', () => {
    const first = runComparison(sources, today);
    expect(first.map((f) => f.rule).sort()).toEqual([
      'cancelled-entity-active',
      'licence-invalid',
      'rectification-overdue',
      'staff-certificate',
    ]);
    const { toOpen } = reconcileFindings([], first);
    const stored = toOpen.map((f, i) => ({ id: i + 1, key: f.key, status: 'open' as const }));
    expect(reconcileFindings(stored, runComparison(sources, today))).toEqual({ toOpen: [], toResolve: [] });
  });
  it('fixing the source closes the finding by itself; a dismissed finding is not raised again', () => {
    const first = runComparison(sources, today);
    const stored = first.map((f, i) => ({
      id: i + 1,
      key: f.key,
      status: f.rule === 'licence-invalid' ? ('dismissed' as const) : ('open' as const),
    }));
    const fixed = { ...sources, staff: [person(1, 10, { certificateValidUntil: '2021-11-01' })] };
    const result = reconcileFindings(stored, runComparison(fixed, today));
    expect(result.toOpen).toEqual([]);
    expect(result.toResolve).toEqual([stored.find((row) => row.key === 'staff-certificate:10:1')?.id]);
  });
  it('a contradiction that comes back after being resolved opens a new finding', () => {
    const fresh = runComparison(sources, today);
    const stored = fresh.map((f, i) => ({ id: i + 1, key: f.key, status: 'resolved' as const }));
    expect(reconcileFindings(stored, fresh).toOpen.length).toBe(fresh.length);
  });
  it('property: reconciling a run against its own result is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cert: fc.option(fc.constantFrom('2020-01-01', '2021-01-01'), { nil: null }),
            shop: fc.integer({ min: 10, max: 13 }),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          const staff = rows.map((row, i) => person(i + 1, row.shop, { certificateValidUntil: row.cert, idBlindIndex: `p${i % 3}` }));
          const run = runComparison({ ...sources, staff }, today);
          const keys = run.map((f) => f.key);
          const stored = run.map((f, i) => ({ id: i, key: f.key, status: 'open' as const }));
          const again = reconcileFindings(stored, runComparison({ ...sources, staff }, today));
          return new Set(keys).size === keys.length && again.toOpen.length === 0 && again.toResolve.length === 0;
        },
      ),
    );
  });
});
