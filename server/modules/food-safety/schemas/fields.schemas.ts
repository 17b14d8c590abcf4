/** Field shapes the food-safety schemas share. */
import { Type } from 'typebox';

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const Tenths = Type.Integer({ minimum: 0, maximum: 100 });
export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
