import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTurn } from '../../db/in-turn.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { ActorContext, ServiceContext } from '../http/context.ts';
import { storableText } from '../http/input-guard.ts';
import { scopeWhere } from '../scope/scope-where.ts';
import { type AuditOutcome, auditEvent, auditHead } from './audit.tables.ts';
import { type AuditAnchor, appendAnchors } from './audit-anchors.ts';
import { type BrokenLink, type ChainedFields, type ChainWalk, chainHash, chainStart, collectBrokenLinks } from './audit-chain.ts';

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

/** The event as it will read back: NUL and unpaired surrogates as U+FFFD, detail through JSON (what jsonb keeps). */
function asStored(fields: ChainedFields): ChainedFields {
  const text = (value: string | null) => (value === null ? null : storableText(value));
  const detail = storableJson(JSON.parse(JSON.stringify(fields.detail))) as Record<string, unknown>;
  return {
    ...fields,
    actorUsername: text(fields.actorUsername),
    actorRoles: fields.actorRoles.map(storableText),
    ip: text(fields.ip),
    requestId: text(fields.requestId),
    action: storableText(fields.action),
    objectType: text(fields.objectType),
    objectId: text(fields.objectId),
    reason: text(fields.reason),
    detail,
  };
}

/** Plain JSON with every string and key as PostgreSQL's jsonb keeps it. */
function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [storableText(key), storableJson(entry)]));
  }
  return value;
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
    // Hash exactly what the database will hold: text as PostgreSQL stores it, detail as it comes back from jsonb.
    const fields: ChainedFields = asStored({
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
    });
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
  /** Every broken link found, up to reportedLinks of them; brokenCount counts them all. */
  broken: BrokenLink[];
  brokenCount: number;
}

/** A report lists this many broken links at most (a wholesale rewrite would otherwise fill memory). */
const reportedLinks = 100;
const pageSize = 2000;

/**
 * Recomputes every chain (or those of the given districts) and reports every broken link, also against the heads
 * anchored outside the database (audit-anchors.ts), so removing the newest events and moving audit_head back is
 * caught. Reads in pages so a long trail does not sit in memory. Events sealed before a key rotation are checked
 * with the previous key (crypto.auditKeys).
 */
export async function verifyAuditChain(
  db: Db,
  crypto: FieldCrypto,
  options: { districtCodes?: readonly string[]; anchors?: readonly AuditAnchor[] } = {},
): Promise<ChainReport> {
  const isIncluded = (districtCode: string) => !options.districtCodes || options.districtCodes.includes(districtCode);
  const heads = new Map((await db.select().from(auditHead)).map((head) => [head.districtCode, head]));
  const anchors = new Map<string, Map<number, string[]>>();
  for (const anchor of options.anchors ?? []) {
    if (!isIncluded(anchor.districtCode)) continue;
    const bySeq = anchors.get(anchor.districtCode) ?? new Map<number, string[]>();
    bySeq.set(anchor.seq, [...(bySeq.get(anchor.seq) ?? []), anchor.hash]);
    anchors.set(anchor.districtCode, bySeq);
  }
  const broken: BrokenLink[] = [];
  let brokenCount = 0;
  const note = (links: BrokenLink[]) => {
    brokenCount += links.length;
    broken.push(...links.slice(0, Math.max(0, reportedLinks - broken.length)));
  };
  let checked = 0;
  const districts = [...new Set([...heads.keys(), ...anchors.keys()])].filter(isIncluded).sort();
  for (const districtCode of districts) {
    const head = heads.get(districtCode);
    const anchored = anchors.get(districtCode) ?? new Map<number, string[]>();
    const walk: ChainWalk = { expectedSeq: 1, prevHash: chainStart };
    for (let isLastPage = false; !isLastPage; ) {
      const page = await db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.districtCode, districtCode), gte(auditEvent.seq, walk.expectedSeq)))
        .orderBy(asc(auditEvent.seq))
        .limit(pageSize);
      isLastPage = page.length < pageSize;
      const found: BrokenLink[] = [];
      collectBrokenLinks(
        page.map((row) => ({ ...row, detail: row.detail ?? {} })),
        crypto.auditKeys,
        walk,
        found,
      );
      for (const row of page) {
        if (anchored.get(row.seq)?.some((hash) => hash !== row.hash)) found.push({ districtCode, seq: row.seq, reason: 'anchor' });
        anchored.delete(row.seq);
      }
      note(found);
      checked += page.length;
    }
    // Anchored events that are gone: the chain was cut back below a head recorded outside the database.
    note([...anchored.keys()].map((seq) => ({ districtCode, seq, reason: 'anchor' as const })));
    if (!head || walk.expectedSeq - 1 !== head.seq || walk.prevHash !== head.hash) {
      note([{ districtCode, seq: walk.expectedSeq, reason: 'head' }]);
    }
  }
  return { ok: brokenCount === 0, checked, broken, brokenCount };
}

/**
 * Records every district's chain head outside the database: appended to the anchor file and written to the log
 * (which a log collector keeps elsewhere). Returns the anchors written.
 */
export async function anchorAuditHeads(ctx: Pick<ServiceContext, 'db' | 'clock' | 'log'>, file: string): Promise<AuditAnchor[]> {
  const at = ctx.clock.now().toISOString();
  const heads = await ctx.db.select().from(auditHead).orderBy(asc(auditHead.districtCode));
  const anchors = heads
    .filter((head) => head.seq > 0)
    .map((head) => ({ at, districtCode: head.districtCode, seq: head.seq, hash: head.hash }));
  appendAnchors(file, anchors);
  ctx.log.info({ auditAnchors: anchors }, 'audit chain heads anchored');
  return anchors;
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
  const [items, [total]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(auditEvent)
        .where(where)
        .orderBy(desc(auditEvent.at), desc(auditEvent.seq))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
    () => ctx.db.select({ total: count() }).from(auditEvent).where(where),
  );
  return { items, total: total?.total ?? 0 };
}
