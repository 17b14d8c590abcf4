import { type TSchema, Type } from 'typebox';

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

export const NoBody = Type.Object({}, { additionalProperties: false });
