import { type Static, Type } from 'typebox';

export const CalendarStatusView = Type.Object({
  today: Type.String({ format: 'date' }),
  missingYear: Type.Union([Type.Integer(), Type.Null()], { description: 'the year to enter now; null when none is missing' }),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
});
export type CalendarStatusView = Static<typeof CalendarStatusView>;
