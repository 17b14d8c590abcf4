import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { nextInSeries } from './document-counter.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await testPlatform();
});
afterAll(() => platform.database.close());

describe('document numbers', () => {
  it('gives documents created at the same moment consecutive numbers, never the same one', async () => {
    const { code } = await createTestDistrict(platform);
    const taken = await Promise.all(
      Array.from({ length: 6 }, () => platform.database.db.transaction((tx) => nextInSeries(tx, code, 'AJ2020', 0))),
    );
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('starts a series after the numbers already in use, and never goes back', async () => {
    const { code } = await createTestDistrict(platform);
    expect(await nextInSeries(platform.database.db, code, 'TS20201001-', 41)).toBe(42);
    expect(await nextInSeries(platform.database.db, code, 'TS20201001-', 3)).toBe(43);
    expect(await nextInSeries(platform.database.db, code, 'TS20201002-', 0)).toBe(1);
  });
});
