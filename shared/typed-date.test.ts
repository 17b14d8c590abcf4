import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './typed-date.ts';

describe('parseTypedDate', () => {
  it('reads the ways people type a date, and nothing else', () => {
    for (const typed of ['2026-12-01', '2026/12/01', '2026.12.01', '20261201', '2026年12月1日', ' 2026/12/1 ', '２０２６/12/01'])
      expect(parseTypedDate(typed)).toBe('2026-12-01');
    for (const typed of ['61201-02-02', '2026/13/01', '2026-02-30', '12/01/2026', '2026', '', '2026-12-01x', '0999-01-01'])
      expect(parseTypedDate(typed)).toBeNull();
    expect(parseTypedDate('2024/2/29')).toBe('2024-02-29');
    expect(parseTypedDate('2026/2/29')).toBeNull();
  });
  it('property: every real date typed with slashes reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(parseTypedDate(iso.replaceAll('-', '/'))).toBe(iso);
          expect(parseTypedDate(iso.replaceAll('-', ''))).toBe(iso);
        },
      ),
    );
  });
});
