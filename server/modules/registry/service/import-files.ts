import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importFileUnreadable } from '../registry.errors.ts';

export const spreadsheetContentTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type SpreadsheetKind = keyof typeof spreadsheetContentTypes;

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
    throw importFileUnreadable({ detail: (error as Error).message });
  }
  const [header = [], ...body] = records;
  return toRows(
    header.map((cell) => cell.trim()),
    body.map((values, index) => ({ rowNumber: index + 2, values })),
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(file: Buffer): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw importFileUnreadable({ detail: (error as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importFileUnreadable({ detail: 'no worksheet' });
  const records: { rowNumber: number; values: string[] }[] = [];
  let headers: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) values.push(cellText(row.getCell(column).value).trim());
    if (rowNumber === 1) headers = values;
    else records.push({ rowNumber, values });
  });
  return toRows(headers, records);
}

export function readSpreadsheet(file: Buffer, kind: SpreadsheetKind): Promise<Spreadsheet> | Spreadsheet {
  return kind === 'csv' ? readCsv(file) : readXlsx(file);
}

/** CSV text with a BOM (so Excel opens UTF-8 Chinese correctly), every field quoted when it needs it. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
