import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaInForce, defaultMajorCaseCriteria, majorCaseReasons } from './major-case.ts';

describe('major cases by the bureau criteria', () => {
  it('by default: 50,000 yuan of fines and confiscations, a police transfer or a revoked licence', () => {
    const major = (penalties: { kind: 'fine' | 'licence_revocation'; amountFen: bigint }[], isPoliceTransferred = false) =>
      majorCaseReasons(defaultMajorCaseCriteria, { penalties, isPoliceTransferred });
    expect(major([{ kind: 'fine', amountFen: 4_999_999n }])).toEqual([]);
    expect(major([{ kind: 'fine', amountFen: 5_000_000n }])).toEqual(['amount']);
    expect(major([], true)).toEqual(['police_transfer']);
    expect(major([{ kind: 'licence_revocation', amountFen: 0n }])).toEqual(['licence_revocation']);
  });

  it('uses the row in force on the day, else the default', () => {
    const rows = [
      {
        effectiveFrom: '2021-01-01',
        amountThresholdFen: 10_000_000n,
        policeTransferIsMajor: true,
        licenceRevocationIsMajor: false,
        isDefault: false,
      },
      {
        effectiveFrom: '2020-01-01',
        amountThresholdFen: 2_000_000n,
        policeTransferIsMajor: false,
        licenceRevocationIsMajor: false,
        isDefault: false,
      },
    ];
    expect(criteriaInForce(rows, '2019-06-01')).toBe(defaultMajorCaseCriteria);
    expect(criteriaInForce(rows, '2020-06-01').amountThresholdFen).toBe(2_000_000n);
    expect(criteriaInForce(rows, '2021-01-01').amountThresholdFen).toBe(10_000_000n);
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (a, b) => {
        const isMajor = (fen: bigint) =>
          majorCaseReasons(defaultMajorCaseCriteria, { penalties: [{ kind: 'fine', amountFen: fen }], isPoliceTransferred: false }).length >
          0;
        const [low, high] = a < b ? [a, b] : [b, a];
        return !(isMajor(low) && !isMajor(high));
      }),
    );
  });
});
