import fc from 'fast-check';
import { isStorableText } from '../platform/http/input-guard.ts';

/**
 * Request generation for the fuzz test (server/fuzz.test.ts): from the OpenAPI document, values that fit each
 * schema, and values meant to break it — boundary and oversized numbers, NUL, unpaired surrogates, huge strings,
 * impossible dates — placed into one slot (a path parameter, a query parameter or a body field) at a time.
 */

type Schema = Record<string, unknown>;

export interface FuzzOperation {
  method: string;
  /** Fastify's pattern (`/api/v1/entities/:id`), as registeredRoutes() lists it. */
  url: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  /** The JSON body's schema; undefined when the operation takes none (or takes a file). */
  body?: Schema;
}

/** Every operation of an OpenAPI 3 document. */
export function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as {
        parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        url: path.replace(/\{([^}]+)\}/g, ':$1'),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required ?? false })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** A number written into the JSON text as is (`1e309` has no JavaScript value that JSON.stringify would write). */
export class RawNumber {
  constructor(readonly text: string) {}
}

const hugeText = '长'.repeat(70_000);
export const nastyValues: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '😀'.slice(0, 1),
  hugeText,
  'x'.repeat(5_000),
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '2026-02-30',
  '2023-02-29',
  '9999-12-31',
  '0000-01-01',
  '2026-13-01',
  '2026-02-28T24:61:00Z',
  '+275760-09-13T00:00:00Z',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u202e',
  'null',
  0,
  -1,
  2147483647,
  2147483648,
  -2147483649,
  new RawNumber('9007199254740993'),
  1e20,
  0.5,
  -0.000001,
  new RawNumber('1e309'),
  new RawNumber('-1e309'),
  new RawNumber('99999999999999999999'),
  true,
  null,
  [],
  {},
  ['\u0000'],
  { a: '\ud800' },
];

const nasty = fc.constantFrom(...nastyValues);

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const someText = fc.string({
  unit: fc.constantFrom(...'abcxyz019 -_.,:/市场监管食品安全投诉王李张'.split('')),
  maxLength: 20,
});

/** A value that (mostly) fits the schema; `pool` offers real ids for fields named like ids. */
export function fitting(schema: Schema, name: string, pool: ReadonlyMap<string, readonly unknown[]>, depth = 0): fc.Arbitrary<unknown> {
  const known = pool.get(name);
  const base = fittingBySchema(schema, name, pool, depth);
  return known?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: base }) : base;
}

function fittingBySchema(
  schema: Schema,
  name: string,
  pool: ReadonlyMap<string, readonly unknown[]>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches?.length) return fc.oneof(...branches.map((branch) => fitting(branch, name, pool, depth)));
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : (schema.type as string | undefined);
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(Number(schema.minimum ?? -50), -1e6);
      const max = Math.min(Number(schema.maximum ?? 50), Math.max(min, 1e6));
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 50) }), fc.constantFrom(min, max));
    }
    case 'number': {
      const min = Number(schema.minimum ?? -1000);
      const max = Number(schema.maximum ?? 1000);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const maxLength = Math.min(Number(schema.maxItems ?? 3), 3);
      const minLength = Math.min(Number(schema.minItems ?? 0), maxLength);
      return depth > 3 ? fc.constant([]) : fc.array(fitting(items, name, pool, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return depth > 3 ? fc.constant({}) : fittingObject(schema, pool, depth + 1);
    case 'string':
      return fittingString(schema);
    default:
      return fc.oneof(someText, fc.integer({ min: 0, max: 10 }), fc.boolean());
  }
}

function fittingString(schema: Schema): fc.Arbitrary<unknown> {
  const maxLength = Number(schema.maxLength ?? 40);
  const minLength = Number(schema.minLength ?? 0);
  if (schema.format === 'date')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map(isoDay);
  if (schema.format === 'date-time') {
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern as string)).filter((text) => text.length <= maxLength && text.length >= minLength);
    } catch {
      return someText;
    }
  }
  return someText.map((text) => (text.length < minLength ? text.padEnd(minLength, '测') : text.slice(0, maxLength)));
}

function fittingObject(schema: Schema, pool: ReadonlyMap<string, readonly unknown[]>, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = fitting(property, key, pool, depth);
  const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
  return fc.record(record, { requiredKeys });
}

export interface FuzzRequest {
  method: string;
  url: string;
  /** JSON text, or raw bytes for file uploads. */
  payload?: string | Buffer;
  contentType?: string;
}

/** JSON text where RawNumber values appear as written. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, entry) => {
    if (entry instanceof RawNumber) {
      raws.push(entry.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return entry;
  });
  return (text ?? 'null').replace(/"\\u0001raw(\d+)\\u0001"/g, (_whole, index: string) => raws[Number(index)] as string);
}

function queryText(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Percent-encoding that keeps an unpaired surrogate (encodeURIComponent would throw on it). */
function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((character) => (isStorableText(character) ? encodeURIComponent(character) : '%ED%A0%80')).join('');
  }
}

/** Where a nasty value goes: nowhere, a path parameter, a query parameter, or a body field. */
type Slot = { in: 'none' } | { in: 'path' | 'query' | 'body'; name: string };

/** Requests for one operation: a fitting base, then often one slot replaced by a nasty value. */
export function requestsFor(operation: FuzzOperation, pool: ReadonlyMap<string, readonly unknown[]>, bodyTemplate?: unknown) {
  const pathArbs = Object.fromEntries(operation.pathParams.map((param) => [param.name, fitting(param.schema, param.name, pool)]));
  const queryArbs = Object.fromEntries(operation.queryParams.map((param) => [param.name, fitting(param.schema, param.name, pool)]));
  const requiredQuery = operation.queryParams.filter((param) => param.required).map((param) => param.name);
  const template = bodyTemplate && typeof bodyTemplate === 'object' ? fc.constant(structuredClone(bodyTemplate)) : undefined;
  const generated = operation.body ? fitting(operation.body, 'body', pool) : undefined;
  const bodyArb = template && generated ? fc.oneof(template, generated) : (template ?? generated);
  const bodyKeys = Object.keys(((operation.body?.properties ?? {}) as Record<string, unknown>) || {});
  const slots: Slot[] = [
    { in: 'none' },
    ...operation.pathParams.map((param): Slot => ({ in: 'path', name: param.name })),
    ...operation.queryParams.map((param): Slot => ({ in: 'query', name: param.name })),
    ...bodyKeys.map((name): Slot => ({ in: 'body', name })),
  ];
  const hasFileBody = !operation.body && ['POST', 'PUT', 'PATCH'].includes(operation.method);
  return fc
    .record({
      path: fc.record(pathArbs),
      query: fc.record(queryArbs, { requiredKeys: requiredQuery }),
      body: bodyArb ?? fc.constant(undefined),
      slot: fc.constantFrom(...slots),
      nasty,
      file: hasFileBody ? fileBody : fc.constant(undefined),
    })
    .map(({ path, query, body, slot, nasty: bad, file }): FuzzRequest => {
      const params: Record<string, unknown> = { ...path };
      const search: Record<string, unknown> = { ...query };
      let json = body;
      if (slot.in === 'path') params[slot.name] = bad;
      if (slot.in === 'query') search[slot.name] = bad;
      if (slot.in === 'body') json = { ...(json && typeof json === 'object' ? json : {}), [slot.name]: bad };
      const url =
        operation.url.replace(/:([A-Za-z0-9_]+)/g, (_whole, name: string) => encodeComponent(queryText(params[name]) || 'x')) +
        queryString(search);
      if (file) return { method: operation.method, url, payload: file.bytes, contentType: file.contentType };
      if (json === undefined) return { method: operation.method, url };
      return { method: operation.method, url, payload: jsonText(json), contentType: 'application/json' };
    });
}

function queryString(search: Record<string, unknown>): string {
  const parts = Object.entries(search)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) =>
      (Array.isArray(value) && value.length ? value : [value]).map((item) => `${encodeComponent(key)}=${encodeComponent(queryText(item))}`),
    );
  return parts.length ? `?${parts.join('&')}` : '';
}

const csvCell = fc.oneof(
  someText,
  fc.constantFrom('\u0000', '\ud800', '=cmd|"/c calc"!A1', '"', '9999-12-31', '2026-02-30', '1e309', hugeText.slice(0, 3000)),
);

/** A file upload's body: a CSV of odd cells, random bytes, or a truncated zip (an .xlsx is a zip). */
const fileBody = fc.oneof(
  fc
    .array(fc.array(csvCell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 })
    .map((rows) => ({ bytes: Buffer.from(rows.map((row) => row.join(',')).join('\n')), contentType: 'text/csv' })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({
    bytes: Buffer.from(bytes),
    contentType: 'application/octet-stream',
  })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({
    bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)]),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({
    bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(bytes)]),
    contentType: 'application/pdf',
  })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({
    bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(bytes)]),
    contentType: 'image/png',
  })),
);

export interface FuzzVerdict {
  url: string;
  status: number;
  contentType: string;
  code?: string;
  /** A problem+json answer listed the bad field. */
  namesField?: boolean;
  body: Buffer;
}

/**
 * What no answer may be: a 5xx (other than 502/503, an unreachable tile server or database), a 4xx that is not
 * problem+json, a 4xx where the database — not the schema — caught the value, or a spreadsheet cut short.
 */
export function faultOf(answer: FuzzVerdict): string | undefined {
  if (answer.status >= 500 && answer.status !== 502 && answer.status !== 503) return `status ${answer.status}`;
  // A public page answers a person with a page; the API answers problem+json.
  const errorType = answer.url.startsWith('/api/')
    ? 'application/problem+json'
    : answer.contentType.startsWith('text/html')
      ? 'text/html'
      : 'application/problem+json';
  if (answer.status >= 400 && !answer.contentType.startsWith(errorType)) return `${answer.status} as ${answer.contentType}`;
  if (answer.code === 'unstorable_value' && !answer.namesField) return 'the database, not the schema, refused a value and named no field';
  if (answer.status === 200 && answer.contentType.includes('spreadsheetml')) {
    // An .xlsx is a zip: a complete one ends with the end-of-central-directory record.
    if (answer.body.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) return 'spreadsheet cut short';
  }
  return undefined;
}
