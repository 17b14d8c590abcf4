/**
 * A calendar date as people type it — 2026-12-01, 2026/12/01, 2026.12.01, 20261201, 2026年12月1日 — to
 * YYYY-MM-DD, or null when it is not a real date (2026-02-30) or not in that shape. The one reading of a typed
 * date for the public forms (no script, a plain text field) and, through the same formats, the staff app's pickers.
 */
export function parseTypedDate(typed: string): string | null {
  const text = typed.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The formats the staff app's date pickers accept when typed (the first is how a date is shown). */
export const typedDateFormats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD'];
