import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-platform.ts';
import { type Database, queryRows } from './client.ts';
import { copyRows, copyText } from './copy.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase({ isOwnDatabase: true });
  await database.db.execute(sql`create table copy_sample (
    id integer primary key, note text, amount numeric(6, 1), flag boolean, tags text[])`);
}, 60_000);
afterAll(async () => {
  await database?.db.execute(sql`drop table if exists copy_sample`);
  await database?.close();
});

describe('copyRows', () => {
  it('stores text with tabs, newlines, carriage returns and backslashes, numbers, booleans, nulls and arrays exactly', async () => {
    const rows = [
      [1, '中河路1号', 12.5, true, ['fever', 'a,b']],
      [2, 'tab\there\nnew line\r\nback\\slash \\N', 0, false, ['say "hi"', 'c:\\path', '']],
      [3, null, null, null, []],
      [4, '', -3, true, null],
    ] as const;
    await copyRows(database.db, 'copy_sample', ['id', 'note', 'amount', 'flag', 'tags'], rows);
    const stored = await queryRows<{ id: number; note: string | null; amount: string | null; flag: boolean | null; tags: string[] | null }>(
      database.db,
      sql`select id, note, amount::text as amount, flag, tags from copy_sample order by id`,
    );
    expect(stored).toEqual([
      { id: 1, note: '中河路1号', amount: '12.5', flag: true, tags: ['fever', 'a,b'] },
      { id: 2, note: 'tab\there\nnew line\r\nback\\slash \\N', amount: '0.0', flag: false, tags: ['say "hi"', 'c:\\path', ''] },
      { id: 3, note: null, amount: null, flag: null, tags: [] },
      { id: 4, note: '', amount: '-3.0', flag: true, tags: null },
    ]);
  });

  it('escapes only what COPY’s text format needs: plain cells pass as they are', () => {
    expect(copyText([['plain', 7, false, null, ['x']]])).toBe('plain\t7\tfalse\t\\N\t{"x"}\n');
    expect(copyText([['a\\b\tc\nd\re']])).toBe('a\\\\b\\tc\\nd\\re\n');
  });
});
