import { bigint, char, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A kiosk's token for the big screen: only its hash is kept; revoked, never deleted. */
export const screenToken = pgTable(
  'screen_token',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: bigint('revoked_by', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), uniqueIndex('screen_token_hash').on(t.districtCode, t.tokenHash)],
);
