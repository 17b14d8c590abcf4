import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvStream, csvText, defuseFormula } from './csv.ts';

// Not stream/consumers' text(): its TextDecoder drops the BOM this test is about.
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

describe('the CSV writer', () => {
  it('writes a BOM, CRLF, quoted text, bare numbers and empty nulls, and defuses formulas', () => {
    expect(
      csvText(
        ['名称', 'lng', 'note'],
        [
          ['老王"饭店"', 121.5, null],
          ['=HYPERLINK("x")', -1, 'a,b\r\nc'],
          ['-1', 0, undefined],
        ],
      ),
    ).toBe('\uFEFF名称,lng,note\r\n"老王""饭店""",121.5,\r\n"\'=HYPERLINK(""x"")",-1,"a,b\r\nc"\r\n"\'-1",0,\r\n');
  });

  it('defuses every formula trigger and nothing else', () => {
    expect(['=1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=1', '１'].map(defuseFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'a=1',
      '１',
    ]);
  });

  it('reads back, through csv-parse, what it was given (formula triggers apart)', () => {
    const cell = fc.string({ unit: 'grapheme' }).filter((value) => !/^[=+\-@\t\r]/.test(value));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 20 }), (rows) => {
        const parsed = parse(csvText(['a', 'b'], rows), { bom: true }) as string[][];
        expect(parsed).toEqual([['a', 'b'], ...rows]);
      }),
    );
  });

  it('streams objects by their columns, in the order given', async () => {
    async function* rows() {
      yield { name: '甲', colour: 'green', extra: 'not exported' };
      yield { name: '+乙', colour: null, extra: '' };
    }
    expect(await text(csvStream(['colour', 'name'], rows()))).toBe('\uFEFFcolour,name\r\n"green","甲"\r\n,"\'+乙"\r\n');
  });

  it('ends the stream with the error of its source', async () => {
    async function* failing() {
      yield { a: 1 };
      throw new Error('database gone');
    }
    await expect(text(csvStream(['a'], failing()))).rejects.toThrow('database gone');
  });
});
