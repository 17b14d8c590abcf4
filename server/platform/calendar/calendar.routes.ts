import { Type } from 'typebox';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { actorContextOf } from '../http/context.ts';
import { listOf, type RoutePlugin, requireRole } from '../http/routes.ts';
import { DateString } from '../http/schemas.ts';
import { CalendarStatusView } from './calendar.schemas.ts';
import { calendarStatus, listCalendarDays, setCalendarDay } from './calendar.service.ts';

const CalendarDayView = Type.Object({
  regionCode: Type.String(),
  day: DateString,
  kind: Type.Enum(['holiday', 'workday']),
  name: Type.String(),
  source: Type.String(),
});
const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const DayParams = Type.Object({ day: DateString }, { additionalProperties: false });
const DayBody = Type.Object(
  {
    kind: Type.Enum(['holiday', 'workday', 'normal'], { description: 'normal removes the entry: the day follows the weekday rule' }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
    source: Type.String({ minLength: 1, maxLength: 200, description: 'the notice that sets it, e.g. 国办发明电〔2025〕7号' }),
  },
  { additionalProperties: false },
);

/** The holiday calendar every legal deadline counts working days with; admins keep it current. */
export const calendarRoutes: RoutePlugin = (app, platform) => {
  app.get(
    '/api/v1/calendar',
    { preHandler: requireRole(), schema: { tags: ['calendar'], querystring: YearQuery, response: { 200: listOf(CalendarDayView) } } },
    async (request) => {
      const items = await listCalendarDays(actorContextOf(platform, request), request.query.year);
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/v1/calendar/status',
    { preHandler: requireRole('admin'), schema: { tags: ['calendar'], response: { 200: CalendarStatusView } } },
    async (request) => {
      const ctx = actorContextOf(platform, request);
      return calendarStatus(ctx.db, todayInChina(ctx.clock.now()));
    },
  );
  app.put(
    '/api/v1/calendar/days/:day',
    {
      preHandler: requireRole('admin'),
      schema: { tags: ['calendar'], params: DayParams, body: DayBody, response: { 200: listOf(CalendarDayView) } },
    },
    async (request) => {
      const items = await setCalendarDay(actorContextOf(platform, request), { day: request.params.day, ...request.body });
      return { items, total: items.length };
    },
  );
};
