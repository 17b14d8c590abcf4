/** The operator portal: shop uploads 店铺信息上传, grade appeals and re-inspection requests. */
import { type Static, Type } from 'typebox';
import { gradeAppealOutcomes, gradeAppealStatuses, uploadStatuses } from '../../../../shared/vocabularies/food-safety.ts';
import { PagingQuery } from '../../../platform/http/schemas.ts';
import { Id, NullableInt, NullableString } from './fields.schemas.ts';

export const UploadBody = Type.Object(
  {
    entityId: Id,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    licenceNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    openingHours: Type.Optional(Type.String({ maxLength: 100 })),
    seats: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    /** Square metres, two decimals at most. */
    kitchenAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 100000, multipleOf: 0.01 })),
    personInCharge: Type.Optional(Type.String({ maxLength: 50 })),
    supplySources: Type.Optional(Type.String({ maxLength: 1000 })),
    photos: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: Type.Enum(['licence', 'kitchen', 'dining-room'] as const), dataUrl: Type.String({ maxLength: 700_000 }) },
          { additionalProperties: false },
        ),
        { maxItems: 6 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type UploadBody = Static<typeof UploadBody>;
export const UploadView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  version: Type.Integer(),
  status: Type.Enum(uploadStatuses),
  name: Type.String(),
  address: Type.String(),
  licenceNumber: NullableString,
  openingHours: Type.String(),
  seats: NullableInt,
  kitchenAreaM2: NullableString,
  personInCharge: Type.String(),
  supplySources: Type.String(),
  photos: Type.Array(Type.Object({ kind: Type.String(), dataUrl: Type.String() })),
  submittedAt: Type.String(),
  reviewReason: NullableString,
  differences: Type.Array(Type.Object({ field: Type.String(), uploaded: Type.String(), registered: NullableString })),
});
export const UploadList = Type.Object({ items: Type.Array(UploadView), total: Type.Integer() });
export const UploadQuery = Type.Object(
  { entityId: Type.Optional(Id), status: Type.Optional(Type.Enum(uploadStatuses)), ...PagingQuery },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

export const AppealBody = Type.Object(
  {
    inspectionId: Id,
    grounds: Type.String({ minLength: 4, maxLength: 2000 }),
    /** The operator's right to reply, published beside the grade. */
    operatorReply: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AppealBody = Static<typeof AppealBody>;
export const DecideAppealBody = Type.Object(
  { outcome: Type.Enum(gradeAppealOutcomes), reason: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type DecideAppealBody = Static<typeof DecideAppealBody>;
export const AppealView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  inspectionId: Type.Integer(),
  grounds: Type.String(),
  operatorReply: Type.String(),
  status: Type.Enum(gradeAppealStatuses),
  officerId: NullableInt,
  outcomeReason: NullableString,
  submittedOn: Type.String(),
  decidedOn: NullableString,
});
export const AppealList = Type.Object({ items: Type.Array(AppealView), total: Type.Integer() });
export const AppealQuery = Type.Object(
  { status: Type.Optional(Type.Enum(gradeAppealStatuses)), ...PagingQuery },
  { additionalProperties: false },
);
export const ReinspectionBody = Type.Object(
  { rectificationOrderId: Id, statement: Type.String({ minLength: 4, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ReinspectionBody = Static<typeof ReinspectionBody>;
export const ReinspectionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  rectificationOrderId: Type.Integer(),
  statement: Type.String(),
  status: Type.String(),
  requestedOn: Type.String(),
});
export const ReinspectionList = Type.Object({ items: Type.Array(ReinspectionView), total: Type.Integer() });
export const ReinspectionQuery = Type.Object({ ...PagingQuery }, { additionalProperties: false });
