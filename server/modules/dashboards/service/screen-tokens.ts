import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { hashToken } from '../../../platform/auth/auth.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { screenTokenInvalid, screenTokenNotFound } from '../dashboards.errors.ts';
import type { NewScreenTokenView, ScreenTokenList, ScreenTokenView } from '../dashboards.schemas.ts';
import { screenToken } from '../dashboards.tables.ts';

type Row = typeof screenToken.$inferSelect;
const view = (row: Row): ScreenTokenView => ({
  id: row.id,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** A token names its district before the secret (`330212.<32 random bytes>`), so the lookup stays in one district. */
export async function createScreenToken(ctx: ActorContext, input: { label: string }): Promise<NewScreenTokenView> {
  const districtCode = ctx.actor.districtCode;
  const token = `${districtCode}.${randomBytes(32).toString('base64url')}`;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(screenToken)
      .values({ districtCode, label: input.label, tokenHash: hashToken(token), createdBy: ctx.actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'dashboards.screen_token_create', objectType: 'screen_token', objectId: created?.id });
    return created as Row;
  });
  return { ...view(row), token, url: `/screen/district#token=${token}` };
}

export async function listScreenTokens(ctx: ActorContext): Promise<ScreenTokenList> {
  const rows = await ctx.db
    .select()
    .from(screenToken)
    .where(eq(screenToken.districtCode, ctx.actor.districtCode))
    .orderBy(desc(screenToken.createdAt), desc(screenToken.id));
  return { items: rows.map(view), total: rows.length };
}

/** Revoking takes effect on the screen's next refresh; revoking twice is the same as once. */
export async function revokeScreenToken(ctx: ActorContext, id: number): Promise<ScreenTokenView> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(screenToken)
      .where(and(eq(screenToken.districtCode, ctx.actor.districtCode), eq(screenToken.id, id)))
      .for('update');
    if (!row) throw screenTokenNotFound();
    if (row.revokedAt) return view(row);
    const [revoked] = await tx
      .update(screenToken)
      .set({ revokedAt: ctx.clock.now(), revokedBy: ctx.actor.userId })
      .where(and(eq(screenToken.districtCode, row.districtCode), eq(screenToken.id, id)))
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'dashboards.screen_token_revoke', objectType: 'screen_token', objectId: id });
    return view(revoked as Row);
  });
}

/** The district a live token opens, or 401 (missing, malformed, unknown and revoked answer alike). */
export async function districtOfScreenToken(ctx: ServiceContext, token: string | undefined): Promise<string> {
  const match = token ? /^(\d{6})\.[A-Za-z0-9_-]{43}$/.exec(token) : null;
  if (!match || !token) throw screenTokenInvalid();
  const districtCode = match[1] as string;
  const [row] = await ctx.db
    .update(screenToken)
    .set({ lastUsedAt: ctx.clock.now() })
    .where(and(eq(screenToken.districtCode, districtCode), eq(screenToken.tokenHash, hashToken(token)), isNull(screenToken.revokedAt)))
    .returning({ id: screenToken.id });
  if (!row) throw screenTokenInvalid();
  return districtCode;
}
