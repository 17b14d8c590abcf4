/** Inspector consistency 干好干坏不一样: per inspector and station, for leaders and section staff. */
import { type Static, Type } from 'typebox';

export const ConsistencyQuery = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }, { additionalProperties: false });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
export const CutOffClusteringView = Type.Object({
  cutOffTenths: Type.Integer(),
  justBelow: Type.Integer(),
  justAbove: Type.Integer(),
  pValue: Type.Number(),
  isClustered: Type.Boolean(),
});
const ConsistencyFigures = {
  inspections: Type.Integer(),
  /** Mean dynamic score in tenths (90 = 9.0) of the graded inspections; null without any. */
  meanScoreTenths: NullableNumber,
  /** Rectification orders whose deadline fell in the year, re-checked and closed by it, and late (closed after or still open). */
  rectificationsDue: Type.Integer(),
  rectificationsInTime: Type.Integer(),
  timelinessPercent: NullableNumber,
  appealsDecided: Type.Integer(),
  appealsUpheld: Type.Integer(),
  overturnPercent: NullableNumber,
  clustering: Type.Array(CutOffClusteringView),
  isFlagged: Type.Boolean(),
};
export const InspectorConsistencyView = Type.Object({
  year: Type.Integer(),
  cutOffsTenths: Type.Array(Type.Integer()),
  inspectors: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), station: Type.String(), ...ConsistencyFigures })),
  stations: Type.Array(Type.Object({ station: Type.String(), ...ConsistencyFigures })),
});
export type InspectorConsistencyView = Static<typeof InspectorConsistencyView>;
