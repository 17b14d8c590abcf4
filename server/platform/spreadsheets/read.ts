import { parse } from 'csv-parse/sync';
import { defineError } from '../errors/app-error.ts';
import type { SpreadsheetKind } from './upload.ts';
import { readFirstSheet, type SheetRow } from './xlsx.ts';

/** Every module's import reads its upload through readSpreadsheet: one parser, one error for a file it cannot read. */
export const spreadsheetUnreadable = defineError('spreadsheet.unreadable', 400, {
  'zh-CN': '无法读取该文件，请上传 csv（UTF-8 编码）或 Excel（.xlsx）文件。原因：{detail}',
  en: 'The file cannot be read; upload a csv (UTF-8) or Excel (.xlsx) file. Reason: {detail}',
});

export interface SpreadsheetRow {
  /** The row number a person sees in Excel: the header is row 1. */
  rowNumber: number;
  cells: Record<string, string>;
}

export interface Spreadsheet {
  headers: string[];
  rows: SpreadsheetRow[];
}

function toRows(headers: string[], records: { rowNumber: number; values: string[] }[]): Spreadsheet {
  const rows: SpreadsheetRow[] = [];
  for (const record of records) {
    if (record.values.every((value) => value.trim() === '')) continue;
    const cells: Record<string, string> = {};
    headers.forEach((header, index) => {
      if (header) cells[header] = record.values[index] ?? '';
    });
    rows.push({ rowNumber: record.rowNumber, cells });
  }
  return { headers, rows };
}

function readCsv(file: Buffer): Spreadsheet {
  const text = file.toString('utf8');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    throw spreadsheetUnreadable({ detail: (error as Error).message });
  }
  const [header = [], ...body] = records;
  return toRows(
    header.map((cell) => cell.trim()),
    body.map((values, index) => ({ rowNumber: index + 2, values })),
  );
}

async function readXlsx(file: Buffer): Promise<Spreadsheet> {
  let rows: SheetRow[] | null;
  try {
    rows = await readFirstSheet(file);
  } catch (error) {
    throw spreadsheetUnreadable({ detail: (error as Error).message });
  }
  if (!rows) throw spreadsheetUnreadable({ detail: 'no worksheet' });
  const header = rows.find((row) => row.rowNumber === 1);
  return toRows(
    header?.values ?? [],
    rows.filter((row) => row.rowNumber !== 1),
  );
}

/** An uploaded csv or xlsx as its header and its non-empty rows; an unreadable file is a 400 naming why. */
export function readSpreadsheet(file: Buffer, kind: SpreadsheetKind): Promise<Spreadsheet> | Spreadsheet {
  return kind === 'csv' ? readCsv(file) : readXlsx(file);
}
