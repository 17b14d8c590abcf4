import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isCalendarDateTime,
  isStorableText,
  storableText,
  unstorableInputFields,
  withStorableBounds,
} from './input-guard.ts';

describe('input every route gets checked', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['0999-12-31', false],
    ['1000-01-01', true],
    ['2999-12-31', true],
    ['9999-12-31', false],
    ['2026-1-01', false],
  ])('a calendar date: %s → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('a date-time has a real day and a real time', () => {
    expect(isCalendarDateTime('2026-03-02T01:00:00Z')).toBe(true);
    // biome-ignore lint/plugin: the parser's own test: an instant written with China's offset is a valid date-time.
    expect(isCalendarDateTime('2026-03-02T09:00:00.123+08:00')).toBe(true);
    expect(isCalendarDateTime('2026-02-30T01:00:00Z')).toBe(false);
    expect(isCalendarDateTime('2026-02-28T24:61:00Z')).toBe(false);
    expect(isCalendarDateTime('+275760-09-13T00:00:00Z')).toBe(false);
  });

  it('stores text as PostgreSQL would: NUL and unpaired surrogates become U+FFFD, anything else stays', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\ud800y\udc00')).toBe('x\uFFFDy\uFFFD');
    expect(storableText('😀 市场')).toBe('😀 市场');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stored = storableText(text);
        expect(isStorableText(stored)).toBe(true);
        expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
        if (isStorableText(text)) expect(stored).toBe(text);
      }),
    );
  });

  it('names every unstorable value where it is, in path, query and body', () => {
    const fields = unstorableInputFields({
      params: { id: 1e20 },
      query: { q: '\u0000' },
      body: { items: [{ note: 'ok' }, { note: '\udfff' }], amount: Number.POSITIVE_INFINITY, 'k\u0000': 1 },
    });
    expect(fields.map((field) => `${field.in}:${field.field}:${field.code}`)).toEqual([
      'params:id:out_of_range',
      'querystring:q:invalid_character',
      'body:items.1.note:invalid_character',
      'body:amount:out_of_range',
      'body:k\u0000:invalid_character',
    ]);
  });

  it('adds to a route schema: real dates for day patterns, bounds for unbounded integers, and leaves the original alone', () => {
    const schema = {
      type: 'object',
      properties: {
        day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        page: { type: 'integer', minimum: 1 },
        count: { type: 'integer', minimum: 0, maximum: 10 },
        anyOf: [{ type: 'integer' }],
      },
    };
    const copy = withStorableBounds(schema);
    expect(copy.properties.day).toEqual({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
    expect(copy.properties.page).toEqual({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(copy.properties.count).toEqual({ type: 'integer', minimum: 0, maximum: 10 });
    expect(copy.properties.anyOf).toEqual([{ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }]);
    expect(schema.properties.day).toEqual({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });
});
