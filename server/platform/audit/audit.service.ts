import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { ActorContext, ServiceContext } from '../http/context.ts';
import { scopeWhere } from '../scope/scope-where.ts';
import { type AuditOutcome, auditEvent, auditHead } from './audit.tables.ts';
import { type BrokenLink, type ChainedFields, chainHash, chainStart, findBrokenLink } from './audit-chain.ts';

/** District code of the chain for events that belong to no district (e.g. a login with an unknown name). */
export const systemDistrict = '000000';

export interface AuditInput {
  /** Dotted verb, e.g. `auth.login`, `user.create`, `entity.reveal_id_number`. */
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome?: AuditOutcome;
  /** Why: required for reveals of personal data. */
  reason?: string;
  /** before/after of a change, or counts; never raw personal data. */
  detail?: Record<string, unknown>;
  /** Defaults to the actor's district, else the system chain. */
  districtCode?: string;
  /** Who acted when there is no signed-in actor yet (a sign-in attempt for a known account). */
  actingAs?: { userId: number; username: string; roles: readonly string[] };
}

/**
 * Appends one event to its district's chain. Call it inside the business transaction (it nests as a
 * savepoint), so the change and its record commit together or not at all.
 */
export async function writeAudit(ctx: ServiceContext, input: AuditInput): Promise<void> {
  const districtCode = input.districtCode ?? ctx.actor?.districtCode ?? systemDistrict;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(auditHead).values({ districtCode, seq: 0, hash: chainStart }).onConflictDoNothing();
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.districtCode, districtCode)).for('update');
    if (!head) throw new Error(`audit head of ${districtCode} vanished`);
    const fields: ChainedFields = {
      districtCode,
      seq: head.seq + 1,
      at: ctx.clock.now(),
      actorUserId: ctx.actor?.userId ?? input.actingAs?.userId ?? null,
      actorUsername: ctx.actor?.username ?? input.actingAs?.username ?? null,
      actorRoles: [...(ctx.actor?.roles ?? input.actingAs?.roles ?? [])],
      ip: ctx.meta.ip,
      requestId: ctx.meta.requestId,
      action: input.action,
      objectType: input.objectType ?? null,
      objectId: input.objectId === undefined ? null : String(input.objectId),
      outcome: input.outcome ?? 'success',
      reason: input.reason ?? null,
      detail: input.detail ?? {},
      keyId: ctx.crypto.keyId,
    };
    const hash = chainHash(ctx.crypto.auditKey, head.hash, fields);
    await tx.insert(auditEvent).values({
      ...fields,
      actorRoles: [...fields.actorRoles],
      outcome: fields.outcome as AuditOutcome,
      prevHash: head.hash,
      hash,
    });
    await tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.districtCode, districtCode));
  });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken?: BrokenLink;
}

/**
 * Recomputes every chain (or those of the given districts) and names the first broken link. Reads in
 * pages so a long trail does not sit in memory. `previousAuditKey` verifies events from before a key rotation.
 */
export async function verifyAuditChain(
  db: Db,
  crypto: FieldCrypto,
  options: { districtCodes?: readonly string[]; previousKeys?: ReadonlyMap<string, Buffer> } = {},
): Promise<ChainReport> {
  const keys = new Map(options.previousKeys ?? []);
  keys.set(crypto.keyId, crypto.auditKey);
  const heads = await db.select().from(auditHead).orderBy(asc(auditHead.districtCode));
  let checked = 0;
  for (const head of heads) {
    if (options.districtCodes && !options.districtCodes.includes(head.districtCode)) continue;
    const state = { expectedSeq: 1, prevHash: chainStart };
    for (;;) {
      const page = await db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.districtCode, head.districtCode), gte(auditEvent.seq, state.expectedSeq)))
        .orderBy(asc(auditEvent.seq))
        .limit(2000);
      const broken = findBrokenLink(
        page.map((row) => ({ ...row, detail: row.detail ?? {} })),
        keys,
        state,
      );
      if (broken) return { ok: false, checked: checked + (state.expectedSeq - 1), firstBroken: broken };
      if (page.length < 2000) break;
    }
    if (state.expectedSeq - 1 !== head.seq || state.prevHash !== head.hash) {
      return { ok: false, checked, firstBroken: { districtCode: head.districtCode, seq: state.expectedSeq, reason: 'head' } };
    }
    checked += head.seq;
  }
  return { ok: true, checked };
}

export interface AuditFilter {
  action?: string;
  username?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Searches the trail of the districts the (admin) actor may read, newest first. */
export async function searchAudit(ctx: ActorContext, filter: AuditFilter) {
  const conditions: SQL[] = [scopeWhere(ctx.actor, { district: auditEvent.districtCode })];
  if (filter.action) conditions.push(sql`${auditEvent.action} like ${`${filter.action}%`}`);
  if (filter.username) conditions.push(eq(auditEvent.actorUsername, filter.username));
  if (filter.objectType) conditions.push(eq(auditEvent.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditEvent.objectId, filter.objectId));
  if (filter.from) conditions.push(gte(auditEvent.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvent.at, new Date(filter.to)));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(auditEvent)
      .where(where)
      .orderBy(desc(auditEvent.at), desc(auditEvent.seq))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    ctx.db.select({ total: count() }).from(auditEvent).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}
