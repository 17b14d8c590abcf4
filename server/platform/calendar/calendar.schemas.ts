import { type Static, Type } from 'typebox';
import { DateString } from '../http/schemas.ts';

export const CalendarStatusView = Type.Object({
  today: DateString,
  missingYear: Type.Union([Type.Integer(), Type.Null()], { description: 'the year to enter now; null when none is missing' }),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
});
export type CalendarStatusView = Static<typeof CalendarStatusView>;
