import { bigint, char, date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { appealStatuses } from '../../../shared/vocabularies/workshops.ts';
import type { ListCriteria } from './rules/red-black-list.ts';

export const wsCriteria = pgTable(
  'ws_criteria',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    effectiveFrom: date('effective_from').notNull(),
    criteria: jsonb('criteria').$type<ListCriteria>().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const wsEvaluation = pgTable(
  'ws_evaluation',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    criteriaId: bigint('criteria_id', { mode: 'number' }),
    evaluatedOn: date('evaluated_on').notNull(),
    answers: jsonb('answers').$type<Record<string, boolean>>().notNull(),
    note: text('note').notNull().default(''),
    evaluatedBy: bigint('evaluated_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export interface SnapshotEntry {
  entityId: number;
  name: string;
  creditCode: string;
  list: 'red' | 'black' | 'neither';
  reasons: { 'zh-CN': string; en: string }[];
}

export const wsSnapshot = pgTable(
  'ws_snapshot',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    period: char('period', { length: 7 }).notNull(),
    publishedOn: date('published_on').notNull(),
    publishedBy: bigint('published_by', { mode: 'number' }),
    entries: jsonb('entries').$type<SnapshotEntry[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const wsAppeal = pgTable(
  'ws_appeal',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    snapshotId: bigint('snapshot_id', { mode: 'number' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: appealStatuses }).notNull().default('open'),
    decisionNote: text('decision_note').notNull().default(''),
    filedBy: bigint('filed_by', { mode: 'number' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
