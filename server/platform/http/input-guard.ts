import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../errors/app-error.ts';

/**
 * Input rules every route gets without asking, so that no request can make the database (or the audit chain)
 * fail on a value the route's schema let through. Applied in server/app.ts: the schema additions when a route is
 * registered, the text and number walk on every request. A route added later is covered the same way.
 */

const invalidCharacter: FieldError['message'] = {
  'zh-CN': '含有不允许的字符（空字符或残缺的 Unicode 字符）',
  en: 'contains a character that is not allowed (a NUL or a broken Unicode character)',
};
const unstorableNumber: FieldError['message'] = {
  'zh-CN': '数值超出可保存的范围',
  en: 'is outside the range that can be stored',
};

/** NUL, or a UTF-16 surrogate without its partner (no `u` flag: the pattern looks at code units). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this pattern is for.
const unstorableCharacter = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL refuses NUL in text; an unpaired UTF-16 surrogate is stored as U+FFFD, i.e. not as sent. */
export function isStorableText(text: string): boolean {
  unstorableCharacter.lastIndex = 0;
  return !unstorableCharacter.test(text);
}

/** The same text as PostgreSQL will store it: unpaired surrogates and NUL become U+FFFD. */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replace(unstorableCharacter, '\uFFFD');
}

function collect(value: unknown, location: string, path: string[], into: FieldError[]): void {
  if (typeof value === 'string') {
    if (!isStorableText(value)) into.push({ in: location, field: path.join('.'), code: 'invalid_character', message: invalidCharacter });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      into.push({ in: location, field: path.join('.'), code: 'out_of_range', message: unstorableNumber });
    }
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) collect(item, location, [...path, String(index)], into);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key))
        into.push({ in: location, field: [...path, key].join('.'), code: 'invalid_character', message: invalidCharacter });
      else collect(item, location, [...path, key], into);
    }
  }
}

/** Every text with NUL or a broken surrogate and every number beyond what can be stored, in path, query and body. */
export function unstorableInputFields(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): FieldError[] {
  const found: FieldError[] = [];
  collect(request.params, 'params', [], found);
  collect(request.query, 'querystring', [], found);
  collect(request.body, 'body', [], found);
  return found;
}

/** A `YYYY-MM-DD` that names a real day between the years 1000 and 2999 (no business date of ours lies outside). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** RFC 3339 date-time whose date part is a real calendar day (see isCalendarDate) and whose time exists. */
export function isCalendarDateTime(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!match || !isCalendarDate(match[1] as string)) return false;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const [offsetHour, offsetMinute] = [Number(match[7] ?? 0), Number(match[8] ?? 0)];
  return hour <= 23 && minute <= 59 && second <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

const datePatterns = new Set(['^\\d{4}-\\d{2}-\\d{2}$', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$']);

/**
 * A copy of a route's request schema with what every route needs: a day-shaped string is a real calendar day
 * (`format: date`), and an integer without bounds stays within what JavaScript and a bigint column hold.
 */
export function withStorableBounds<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withStorableBounds) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = withStorableBounds(value);
  if (copy.type === 'string' && typeof copy.pattern === 'string' && datePatterns.has(copy.pattern) && !copy.format) copy.format = 'date';
  if (copy.type === 'integer') {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = Number.MAX_SAFE_INTEGER;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = -Number.MAX_SAFE_INTEGER;
  }
  return copy as T;
}
