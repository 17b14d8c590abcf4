import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * The one home of exceljs: every .xlsx the server writes or reads goes through these functions, so a module never
 * meets the library's workbook, sheet and cell types (and a change of library is one file).
 */

/** A column of a written sheet: the row's key, its header, its width in characters, its number format for a row. */
export interface XlsxColumn<Row> {
  key: keyof Row & string;
  header: string;
  width: number;
  /** An Excel number format for this row's cell (e.g. '#,##0.00'); none: General. */
  format?: (row: Row) => string | undefined;
}

export interface XlsxSheet<Row> {
  name: string;
  columns: readonly XlsxColumn<Row>[];
  /** The header row in bold (a sheet the office reads on screen). */
  boldHeader?: boolean;
}

type Cell = string | number | Date | null | undefined;
type SheetOf = ExcelJS.Worksheet;

function declareColumns<Row>(sheet: SheetOf, spec: XlsxSheet<Row>): void {
  sheet.columns = spec.columns.map(({ key, header, width }) => ({ key, header, width }));
  if (spec.boldHeader) sheet.getRow(1).font = { bold: true };
}

function addRow<Row>(sheet: SheetOf, spec: XlsxSheet<Row>, row: Row): ExcelJS.Row {
  const added = sheet.addRow(row as Record<string, Cell>);
  for (const column of spec.columns) {
    const format = column.format?.(row);
    if (format) added.getCell(column.key).numFmt = format;
  }
  return added;
}

/** A workbook of one sheet, in memory: for files of bounded size (numbers stay numbers, dates dates). */
export async function xlsxBuffer<Row>(spec: XlsxSheet<Row>, rows: Iterable<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.name);
  declareColumns(sheet, spec);
  for (const row of rows) addRow(sheet, spec, row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of one sheet with rows given as arrays (header row first), in memory: for test files and samples. */
export async function xlsxOfArrays(sheetName: string, rows: Iterable<readonly Cell[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook of one sheet streamed into `output` row by row (memory stays flat however many rows): `add` each
 * row, then `finish` once.
 */
export function xlsxStream<Row>(output: Writable, spec: XlsxSheet<Row>): { add(row: Row): void; finish(): Promise<void> } {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(spec.name);
  declareColumns(sheet, spec);
  return {
    add: (row) => addRow(sheet, spec, row).commit(),
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** The bytes are not an .xlsx workbook (the message says why). */
export class UnreadableWorkbook extends Error {}

/** A cell as text: a date as YYYY-MM-DD, rich text joined, a hyperlink's text, a formula's result; empty for none. */
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

/** One non-empty row of a sheet: its number (1 = the first row) and its cells as trimmed text, column A first. */
export interface SheetRow {
  rowNumber: number;
  values: string[];
}

/**
 * The first sheet of a workbook as text rows (empty rows left out); null when the workbook has no sheet. Throws
 * UnreadableWorkbook when the bytes are not a workbook.
 */
export async function readFirstSheet(file: Buffer): Promise<SheetRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) values.push(cellText(row.getCell(column).value).trim());
    rows.push({ rowNumber, values });
  });
  return rows;
}
