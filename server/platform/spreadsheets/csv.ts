import { Readable } from 'node:stream';
import { type Options, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The one CSV writer for every export: UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF line ends
 * (RFC 4180), a plain header row, text cells always quoted, and a text cell that a spreadsheet would run as a formula (a leading =, +, -, @,
 * tab or carriage return: OWASP "CSV Injection") prefixed with an apostrophe. Empty for null and undefined.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const options: Options = {
  bom: true,
  record_delimiter: 'windows',
  cast: {
    // The header row as written; every text cell quoted and defused.
    string: (value, context) => (context.header ? value : { value: defuseFormula(value), quoted: true }),
    boolean: (value) => (value ? 'true' : 'false'),
    date: (value) => value.toISOString(),
  },
};

/** A whole CSV document in memory: the header row, then one line per row. For files of bounded size. */
export function csvText(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const columns = header.map((title, index) => ({ key: String(index), header: title }));
  return stringifySync([...rows] as unknown[][], { ...options, header: true, columns });
}

/** A CSV document of objects, streamed (memory stays flat): the columns name the keys, in order, and head the file. */
export function csvStream<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): Readable {
  const writer = stringify({ ...options, header: true, columns: [...columns] });
  const source = Readable.from(rows);
  source.on('error', (error) => writer.destroy(error));
  return source.pipe(writer);
}
