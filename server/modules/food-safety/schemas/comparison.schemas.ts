/** Supervision data comparison 监管数据比对: findings and runs. */
import { type Static, Type } from 'typebox';
import { findingStatuses } from '../../../../shared/vocabularies/food-safety.ts';
import { PagingQuery } from '../../../platform/http/schemas.ts';
import { comparisonRules } from '../rules/supervision-comparison.ts';
import { Id, NullableInt, NullableString } from './fields.schemas.ts';

export const FindingQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(findingStatuses)),
    rule: Type.Optional(Type.Enum(comparisonRules)),
    entityId: Type.Optional(Id),
    stationId: Type.Optional(Id),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type FindingQuery = Static<typeof FindingQuery>;
export const FindingView = Type.Object({
  id: Type.Integer(),
  rule: Type.Enum(comparisonRules),
  key: Type.String(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  stationId: NullableInt,
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  status: Type.Enum(findingStatuses),
  openedOn: Type.String(),
  closedOn: NullableString,
  handleReason: NullableString,
});
export type FindingView = Static<typeof FindingView>;
export const FindingList = Type.Object({ items: Type.Array(FindingView), total: Type.Integer() });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export const ComparisonRunList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      trigger: Type.String(),
      runOn: Type.String(),
      entities: Type.Integer(),
      opened: Type.Integer(),
      resolved: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
});
