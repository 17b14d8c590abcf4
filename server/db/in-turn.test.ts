import { describe, expect, it } from 'vitest';
import { inTurn } from './in-turn.ts';

describe('inTurn', () => {
  it('starts each query after the one before has finished, and returns the results in order', async () => {
    const log: string[] = [];
    const query = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    expect(await inTurn(query('slow', 30), query('fast', 1), query('last', 5))).toEqual(['slow', 'fast', 'last']);
    expect(log).toEqual(['start slow', 'end slow', 'start fast', 'end fast', 'start last', 'end last']);
  });

  it('stops at the first failure without starting the queries after it', async () => {
    let started = 0;
    const failing = () => Promise.reject(new Error('refused'));
    const counted = () => {
      started += 1;
      return Promise.resolve(1);
    };
    await expect(inTurn(counted, failing, counted)).rejects.toThrow('refused');
    expect(started).toBe(1);
  });
});
