import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const jobOutcomes = ['succeeded', 'failed'] as const;

export const jobRun = pgTable('job_run', {
  id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().primaryKey(),
  job: text('job').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  outcome: text('outcome', { enum: jobOutcomes }).notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
  error: text('error'),
  instance: text('instance').notNull(),
  scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
});
