import { bigint, boolean, char, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { roles } from '../../../shared/roles.ts';

export const appUser = pgTable(
  'app_user',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles', { enum: roles }).array().notNull(),
    orgUnitId: bigint('org_unit_id', { mode: 'number' }),
    reach: text('reach', { enum: ['district', 'city', 'province'] })
      .notNull()
      .default('district'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Hashes of the last passwords before the current one, newest first (migration 0020). */
    previousPasswordHashes: text('previous_password_hashes').array().notNull().default([]),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    isDisabled: boolean('is_disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    enforcementCertificate: text('enforcement_certificate'),
    language: text('language', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const userEntity = pgTable(
  'user_entity',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.userId, table.entityId] })],
);

export const sessionStages = ['totp', 'totp_enrol', 'active'] as const;
export type SessionStage = (typeof sessionStages)[number];

export const userSession = pgTable('user_session', {
  tokenHash: text('token_hash').primaryKey(),
  districtCode: char('district_code', { length: 6 }).notNull(),
  userId: bigint('user_id', { mode: 'number' }).notNull(),
  stage: text('stage', { enum: sessionStages }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip').notNull(),
  userAgent: text('user_agent').notNull().default(''),
});
