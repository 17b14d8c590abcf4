import { type Static, Type } from 'typebox';
import { PagingQuery } from '../http/schemas.ts';

export const RunView = Type.Object({
  id: Type.Integer(),
  job: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  outcome: Type.String(),
  counts: Type.Record(Type.String(), Type.Number()),
  /** The name of each count in the caller's language (a count the job no longer declares keeps its key). */
  countLabels: Type.Record(Type.String(), Type.String()),
  error: Type.Union([Type.String(), Type.Null()]),
});
export const JobView = Type.Object({
  name: Type.String(),
  schedule: Type.String(),
  description: Type.String(),
  lastRun: Type.Optional(RunView),
});
export const RunsQuery = Type.Object(
  { job: Type.Optional(Type.String({ maxLength: 60 })), ...PagingQuery },
  { additionalProperties: false },
);

export type RunView = Static<typeof RunView>;
export type JobView = Static<typeof JobView>;
