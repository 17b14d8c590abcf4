import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entityIdsActiveOn, entityPublicProfiles } from '../../registry/index.ts';
import { rcColourHistory, rcSubject } from '../risk-code.tables.ts';
import { type ColourFacts, decideColour } from '../rules/risk-colour.ts';
import { type FactSource, gatherFacts } from './colour-facts.ts';
import { colourTableInForce } from './colour-table.ts';
import { announcePublicPageChanges } from './page-cache.ts';

/** A public code: 16 random bytes, base64url (22 characters). Never derived from the database id. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The management category a new catering unit starts with, from its name (section staff may change it). */
export function guessCategory(name: string): string {
  if (/食堂/.test(name)) return 'canteen';
  if (/外卖/.test(name)) return 'takeaway_only';
  if (/摊|小吃车/.test(name)) return 'street_stall';
  if (/饭店|酒家|酒楼|火锅|大酒店/.test(name)) return 'large_restaurant';
  if (/小吃|面馆|包子|早餐|快餐|麻辣烫|奶茶|烧烤|餐饮店/.test(name)) return 'small_eatery';
  return 'other';
}

/** Gives every entity of the district that has none a public code (batch insert). Returns how many were added. */
export async function ensureSubjects(ctx: ServiceContext, districtCode: string): Promise<number> {
  const existing = new Set(
    (await ctx.db.select({ entityId: rcSubject.entityId }).from(rcSubject).where(eq(rcSubject.districtCode, districtCode))).map(
      (row) => row.entityId,
    ),
  );
  const missing = (await entityPublicProfiles(ctx, districtCode, { all: true })).filter((profile) => !existing.has(profile.id));
  for (let start = 0; start < missing.length; start += 2000) {
    await ctx.db.insert(rcSubject).values(
      missing.slice(start, start + 2000).map((profile) => ({
        districtCode,
        entityId: profile.id,
        streetCode: profile.streetCode,
        businessCategory: profile.businessCategory,
        token: newToken(),
        managementCategory: profile.businessCategory === 'catering' ? guessCategory(profile.name) : null,
      })),
    );
  }
  return missing.length;
}

export type RecomputeTrigger = 'job' | 'fact' | 'table' | 'category' | 'demo';

function hashOf(facts: ColourFacts, tableId: number): string {
  const sorted = Object.fromEntries(Object.entries(facts).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256')
    .update(JSON.stringify([tableId, sorted]))
    .digest('base64url');
}

/**
 * Recomputes the colours of a district's catering units (or the given entities) whose facts or table version
 * changed since the last run (`force`: every one). A changed colour is stored with its reasons and kept in the
 * history; the public pages of changed units are dropped from the page cache.
 */
export async function recomputeColours(
  ctx: ServiceContext,
  input: {
    districtCode: string;
    entityIds?: readonly number[];
    trigger: RecomputeTrigger;
    force?: boolean;
    sources?: FactSource[];
    /** A past day: the colours as the facts stood at its end, dated then (the demo's history). Default: now. */
    asOf?: string;
  },
): Promise<{ checked: number; recomputed: number; changed: number }> {
  const today = input.asOf ?? todayInChina(ctx.clock.now());
  const table = await colourTableInForce(ctx, input.districtCode, today);
  let subjects = await ctx.db
    .select({
      id: rcSubject.id,
      entityId: rcSubject.entityId,
      token: rcSubject.token,
      managementCategory: rcSubject.managementCategory,
      colour: rcSubject.colour,
      factsHash: rcSubject.factsHash,
    })
    .from(rcSubject)
    .where(
      and(
        eq(rcSubject.districtCode, input.districtCode),
        eq(rcSubject.businessCategory, 'catering'),
        input.entityIds ? inIds(rcSubject.entityId, input.entityIds) : undefined,
      ),
    );
  if (input.asOf) {
    // A past day colours only the units that existed then.
    const existed = await entityIdsActiveOn(
      ctx,
      input.districtCode,
      subjects.map((subject) => subject.entityId),
      input.asOf,
    );
    subjects = subjects.filter((subject) => existed.has(subject.entityId));
  }
  const facts = await gatherFacts(ctx, { districtCode: input.districtCode, entities: subjects, today, sources: input.sources });
  let recomputed = 0;
  let changed = 0;
  const now = input.asOf ? chinaInstant(input.asOf, '23:59:00') : ctx.clock.now();
  const history: (typeof rcColourHistory.$inferInsert)[] = [];
  const changedTokens: string[] = [];
  const updates: { id: number; colour: string; riskLevel: string; facts: ColourFacts; hash: string; reasons: unknown }[] = [];
  for (const subject of subjects) {
    const unitFacts = facts.get(subject.entityId) as ColourFacts;
    const hash = hashOf(unitFacts, table.id);
    if (!input.force && hash === subject.factsHash) continue;
    recomputed += 1;
    const decision = decideColour(unitFacts, table);
    updates.push({
      id: subject.id,
      colour: decision.colour,
      riskLevel: decision.riskLevel,
      facts: unitFacts,
      hash,
      reasons: decision.reasons,
    });
    changedTokens.push(subject.token);
    if (decision.colour !== subject.colour) {
      changed += 1;
      history.push({
        districtCode: input.districtCode,
        entityId: subject.entityId,
        fromColour: subject.colour,
        toColour: decision.colour,
        colourTableId: table.id || null,
        reasons: decision.reasons,
        facts: unitFacts,
        trigger: input.trigger,
        changedAt: now,
      });
    }
  }
  // One statement per 1,000 rows: a VALUES list joined to the subjects.
  for (let start = 0; start < updates.length; start += 1000) {
    const chunk = updates.slice(start, start + 1000);
    await ctx.db.execute(sql`update rc_subject s set colour = v.colour, risk_level = v.risk_level, facts = v.facts::jsonb, facts_hash = v.hash,
        reasons = v.reasons::jsonb, colour_table_id = ${table.id || null}, computed_at = ${now.toISOString()}::timestamptz
      from (values ${sql.join(
        chunk.map(
          (row) =>
            sql`(${row.id}::bigint, ${row.colour}, ${row.riskLevel}, ${JSON.stringify(row.facts)}, ${row.hash}, ${JSON.stringify(row.reasons)})`,
        ),
        sql`, `,
      )}) as v(id, colour, risk_level, facts, hash, reasons)
      where s.district_code = ${input.districtCode} and s.id = v.id`);
  }
  for (let start = 0; start < history.length; start += 1000)
    await ctx.db.insert(rcColourHistory).values(history.slice(start, start + 1000));
  await announcePublicPageChanges(ctx.db, changedTokens);
  return { checked: subjects.length, recomputed, changed };
}

/** One district's part of the recompute jobs: codes for its new units, then the colours (all, or those whose facts changed). */
export async function recomputeDistrictColours(ctx: ServiceContext, districtCode: string, force: boolean) {
  const added = await ensureSubjects(ctx, districtCode);
  const result = await recomputeColours(ctx, { districtCode, trigger: 'job', force });
  return { added, recomputed: result.recomputed, changed: result.changed };
}

/** Exported for other modules: recompute one unit's colour now (inside the caller's transaction if any). */
export async function recomputeColour(ctx: ServiceContext, entity: { districtCode: string; entityId: number }): Promise<void> {
  const [subject] = await ctx.db
    .select({ id: rcSubject.id })
    .from(rcSubject)
    .where(and(eq(rcSubject.districtCode, entity.districtCode), eq(rcSubject.entityId, entity.entityId), isNull(rcSubject.revokedAt)));
  if (!subject) await ensureSubjects(ctx, entity.districtCode);
  await recomputeColours(ctx, { districtCode: entity.districtCode, entityIds: [entity.entityId], trigger: 'fact' });
}
