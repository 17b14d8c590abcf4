import type { Readable } from 'node:stream';
import { type TSchema, Type } from 'typebox';
import { yuanPattern } from '../../../shared/money.ts';

/** Schemas every module's HTTP contract uses. Pure TypeBox, so the web can take their types. */
export const IdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) },
  { additionalProperties: false },
);

export const PagingQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

/** `{items, total}`: the shape of every list. */
export function listOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}

/**
 * A calendar day, `YYYY-MM-DD`, in every module's requests and answers. `format: date` is checked by the validator
 * (server/app.ts registers isCalendarDate), so a day that does not exist (2024-02-30) is refused with a field error.
 */
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** An RFC 3339 instant (the validator checks that its day and time exist). */
export const DateTime = Type.String({ format: 'date-time' });

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of a vocabulary's values (a shared/vocabularies list) as a JSON-schema enum. */
export const StringEnum = <const T extends string[]>(values: readonly [...T]) => Type.Enum<T>(values);

/** An amount in yuan as text (exact to the fen: shared/money.ts parses it into bigint fen). */
export const YuanText = Type.String({ pattern: yuanPattern.source, description: 'yuan, e.g. 1234.50' });

export const NoBody = Type.Object({}, { additionalProperties: false });

/**
 * A success response that is a file or a page rather than JSON: its media types with a binary schema, so the
 * OpenAPI document says what comes back (Fastify sends strings, buffers and streams as they are).
 */
export function fileResponse<const MediaType extends string>(mediaTypes: MediaType | readonly MediaType[], description: string) {
  const binary = Type.Unsafe<string | Buffer | Readable>({ type: 'string', format: 'binary' });
  return {
    description,
    content: Object.fromEntries([mediaTypes].flat().map((mediaType) => [mediaType, { schema: binary }])) as Record<
      MediaType,
      { schema: typeof binary }
    >,
  };
}

/** A 204 answer: nothing in the body. */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No content' });
