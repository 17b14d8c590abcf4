import { describe, expect, it } from 'vitest';
import { problemFromDatabaseError } from './problem.ts';

/** A database error as Drizzle hands it on: the driver's error as the cause. */
const wrapped = (fields: Record<string, string>) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('db'), fields) });

describe('database refusals a request caused', () => {
  it('is a 409 naming the field for a duplicate, never the tenant column', () => {
    const problem = problemFromDatabaseError(
      wrapped({ code: '23505', detail: 'Key (district_code, certificate_number)=(330212, X) already exists.' }),
    );
    expect({ status: problem?.status, code: problem?.code, fields: problem?.fieldErrors.map((field) => field.field) }).toEqual({
      status: 409,
      code: 'already_exists',
      fields: ['certificateNumber'],
    });
  });

  it('is a 409 for a missing or still-used reference', () => {
    expect(
      problemFromDatabaseError(wrapped({ code: '23503', detail: 'Key (district_code, entity_id)=(1, 2) is not present' })),
    ).toMatchObject({
      status: 409,
      code: 'conflicting_reference',
    });
  });

  it('is a 400 for a value the column cannot hold, naming the column of a one-column check', () => {
    const check = problemFromDatabaseError(
      wrapped({ code: '23514', table: 'health_certificate', constraint: 'health_certificate_number_check' }),
    );
    expect(check?.fieldErrors.map((field) => field.field)).toEqual(['number']);
    expect(
      problemFromDatabaseError(wrapped({ code: '23514', table: 'health_certificate', constraint: 'health_certificate_check' }))
        ?.fieldErrors,
    ).toEqual([]);
    for (const code of ['22003', '22008', '22P02', '22021', '54000']) expect(problemFromDatabaseError(wrapped({ code }))?.status).toBe(400);
  });

  it('leaves everything else a 500', () => {
    for (const code of ['40001', '08006', '42P01', '23502']) expect(problemFromDatabaseError(wrapped({ code }))).toBeUndefined();
    expect(problemFromDatabaseError(new RangeError('Invalid time value'))).toBeUndefined();
  });
});
