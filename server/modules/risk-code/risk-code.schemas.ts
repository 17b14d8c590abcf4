/**
 * The shapes the five-colour API returns, for the server's own signatures and for the web (which may import only
 * *.schemas.ts from the server). Request validation stays in risk-code.routes.ts.
 */
import type { LngLat } from './rules/area-outline.ts';
import type { Colour, ColourTable } from './rules/risk-colour.ts';

export type { LngLat } from './rules/area-outline.ts';
export type { Colour, ColourCells, ColourEscalations, ColourTable, RiskLevel } from './rules/risk-colour.ts';

export type AreaKind = 'street' | 'pedestrian_street' | 'complex';

export interface MapArea {
  id: number;
  kind: AreaKind;
  name: string;
  streetCode: string | null;
  outline: LngLat[];
}

export interface MapPoint {
  entityId: number;
  name: string;
  address: string;
  streetCode: string;
  colour: Colour | null;
  inspectedAndCoded: boolean;
  latestInspectionOn: string | null;
  lng: number | null;
  lat: number | null;
}

/** GET /api/v1/risk-code/map: a street, an area or the whole district. */
export interface ColourMapView {
  area: MapArea | null;
  areas: MapArea[];
  bounds: { west: number; south: number; east: number; north: number } | null;
  streets: { code: string; name: string; nameEn: string }[];
  points: MapPoint[];
  counts: Record<Colour, number>;
  total: number;
  /** Share of units inspected and coded, in basis points: 10000 = 100% (the pilot-street case). */
  coverageBasisPoints: number;
  tileUrl: string | null;
}

/** GET /api/v1/risk-code/colour-tables: each version (id 0, isDefault: the documented default table). */
export interface ColourTableVersion extends ColourTable {
  id: number;
  effectiveFrom: string;
  note: string;
  isDefault: boolean;
}
