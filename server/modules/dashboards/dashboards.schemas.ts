import { type Static, Type } from 'typebox';
import { PeriodText } from '../../platform/figures/figures.schemas.ts';

export const FiguresExportQuery = Type.Object(
  {
    period: PeriodText,
    /** Only this module's figures (a statistics page exports its own). */
    module: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const ScreenTokenBody = Type.Object({ label: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export const ScreenTokenView = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
/** Shown once, at creation: the kiosk's address with the token in its fragment (never sent to a server log). */
export const NewScreenTokenView = Type.Object({ ...ScreenTokenView.properties, token: Type.String(), url: Type.String() });
export const ScreenTokenList = Type.Object({ items: Type.Array(ScreenTokenView), total: Type.Integer() });

const ScreenFigure = Type.Object({
  key: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  previous: Type.Union([Type.Number(), Type.Null()]),
  changePercent: Type.Union([Type.Number(), Type.Null()]),
  kind: Type.String(),
  decimals: Type.Integer(),
});
/** The big screen's data: aggregates only — no names, no addresses, no personal data of any kind. */
export const ScreenView = Type.Object({
  districtName: Type.String(),
  year: Type.Integer(),
  generatedAt: Type.String({ format: 'date-time' }),
  figures: Type.Array(ScreenFigure),
  complaintTrend: Type.Object({
    thisYear: Type.Array(Type.Union([Type.Number(), Type.Null()])),
    lastYear: Type.Array(Type.Union([Type.Number(), Type.Null()])),
  }),
  samplingPassRate: Type.Array(Type.Object({ year: Type.Integer(), value: Type.Union([Type.Number(), Type.Null()]) })),
  colours: Type.Object({
    green: Type.Integer(),
    blue: Type.Integer(),
    yellow: Type.Integer(),
    orange: Type.Integer(),
    black: Type.Integer(),
  }),
  colourByStreet: Type.Array(
    Type.Object({
      street: Type.String(),
      green: Type.Integer(),
      blue: Type.Integer(),
      yellow: Type.Integer(),
      orange: Type.Integer(),
      black: Type.Integer(),
    }),
  ),
  alerts: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() })),
});

export type ScreenView = Static<typeof ScreenView>;
export type ScreenTokenView = Static<typeof ScreenTokenView>;
export type NewScreenTokenView = Static<typeof NewScreenTokenView>;
export type ScreenTokenList = Static<typeof ScreenTokenList>;
