import { randomBytes } from 'node:crypto';
import { type AnyColumn, and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { hashToken } from '../../../platform/auth/auth.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { posKeyInvalid, posKeyNotFound } from '../pharmacies.errors.ts';
import type { BulkResult, NewPosKeyView, PosBulkBody, PosKeyBody, PosKeyList, PosKeyView } from '../pharmacies.schemas.ts';
import { phPosKey } from '../pharmacies.tables.ts';
import { pharmacyInScope, registerBulk } from './registrations.ts';

type Row = typeof phPosKey.$inferSelect;
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
/** `pos.<district>.<32 random bytes>`: the district routes the lookup to its shard; only the SHA-256 is stored. */
const keyPattern = /^pos\.(\d{6})\.[A-Za-z0-9_-]{43}$/;

const view = (row: Row, pharmacyName: string): PosKeyView => ({
  id: row.id,
  pharmacyId: row.pharmacyId,
  pharmacyName,
  label: row.label,
  keyHint: row.keyHint,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const keyScope = (ctx: ActorContext) =>
  sql`${inArray(phPosKey.districtCode, [...ctx.actor.districtCodes])} and exists (select 1 from entity e where e.district_code = ${phPosKey.districtCode}
      and e.id = ${phPosKey.pharmacyId} and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })})`;

/** A new key for the pharmacy's POS system; the key itself is shown this once. */
export async function createPosKey(ctx: ActorContext, body: PosKeyBody): Promise<NewPosKeyView> {
  const pharmacy = await pharmacyInScope(ctx, body.pharmacyId);
  const key = `pos.${pharmacy.districtCode}.${randomBytes(32).toString('base64url')}`;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(phPosKey)
      .values({
        districtCode: pharmacy.districtCode,
        pharmacyId: pharmacy.id,
        label: body.label.trim(),
        keyHash: hashToken(key),
        keyHint: `…${key.slice(-4)}`,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'pharmacies.pos_key_create', objectType: 'ph_pos_key', objectId: created?.id, detail: { pharmacyId: pharmacy.id } },
    );
    return created as Row;
  });
  return { ...view(row, pharmacy.name), key };
}

export async function listPosKeys(ctx: ActorContext): Promise<PosKeyList> {
  const rows = await ctx.db
    .select({ key: phPosKey, pharmacyName: sql<string>`pharmacy.name` })
    .from(phPosKey)
    .innerJoin(sql`entity pharmacy`, sql`pharmacy.district_code = ${phPosKey.districtCode} and pharmacy.id = ${phPosKey.pharmacyId}`)
    .where(keyScope(ctx))
    .orderBy(desc(phPosKey.createdAt), desc(phPosKey.id))
    .limit(200);
  return { items: rows.map((row) => view(row.key, row.pharmacyName)), total: rows.length };
}

/** Revoking takes effect on the next request; revoking twice is the same as once. */
export async function revokePosKey(ctx: ActorContext, id: number): Promise<PosKeyView> {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ key: phPosKey, pharmacyName: sql<string>`pharmacy.name` })
      .from(phPosKey)
      .innerJoin(sql`entity pharmacy`, sql`pharmacy.district_code = ${phPosKey.districtCode} and pharmacy.id = ${phPosKey.pharmacyId}`)
      .where(and(keyScope(ctx), eq(phPosKey.id, id)));
    if (!found) throw posKeyNotFound();
    if (found.key.revokedAt) return view(found.key, found.pharmacyName);
    const [revoked] = await tx
      .update(phPosKey)
      .set({ revokedAt: ctx.clock.now(), revokedBy: ctx.actor.userId })
      .where(and(eq(phPosKey.districtCode, found.key.districtCode), eq(phPosKey.id, id)))
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'pharmacies.pos_key_revoke', objectType: 'ph_pos_key', objectId: id });
    return view(revoked as Row, found.pharmacyName);
  });
}

/**
 * The POS system's batch: the key opens exactly one pharmacy, and the batch runs as that pharmacy's account would
 * (registerBulk: checked row by row, idempotent by the row's key), attributed to the account that made the key.
 * A missing, malformed, unknown or revoked key answers 401 alike.
 */
export async function registerWithPosKey(ctx: ServiceContext, authorization: string | undefined, body: PosBulkBody): Promise<BulkResult> {
  const key = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  const match = key ? keyPattern.exec(key) : null;
  if (!match || !key) throw posKeyInvalid();
  const districtCode = match[1] as string;
  const [row] = await ctx.db
    .update(phPosKey)
    .set({ lastUsedAt: ctx.clock.now() })
    .where(and(eq(phPosKey.districtCode, districtCode), eq(phPosKey.keyHash, hashToken(key)), isNull(phPosKey.revokedAt)))
    .returning();
  if (!row) throw posKeyInvalid();
  const actor: Actor = {
    userId: row.createdBy,
    username: `pos-key-${row.id}`,
    displayName: row.label,
    districtCode,
    districtCodes: [districtCode],
    roles: ['operator'],
    orgUnitId: null,
    isDistrictWide: false,
    streetCodes: [],
    entityIds: [row.pharmacyId],
    labId: null,
  };
  return registerBulk({ ...ctx, actor }, { pharmacyId: row.pharmacyId, rows: body.rows });
}

/** The rate limit's bucket: one per key (its hash), so one pharmacy's POS cannot starve another's. */
export const posRateKey = (authorization: string | undefined, ip: string) =>
  authorization ? `pos:${hashToken(authorization)}` : `pos-ip:${ip}`;
