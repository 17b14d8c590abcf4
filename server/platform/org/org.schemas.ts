import { type Static, Type } from 'typebox';

export const orgUnitKinds = ['bureau', 'section', 'station', 'lab'] as const;

export const OrgUnitView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(orgUnitKinds),
  name: Type.String(),
  nameEn: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
});
export const StreetView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  stationId: Type.Union([Type.Integer(), Type.Null()]),
});

export type OrgUnitView = Static<typeof OrgUnitView>;
export type StreetView = Static<typeof StreetView>;
