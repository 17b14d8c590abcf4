import { and, asc, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { queueSms } from '../../../platform/sms/sms.service.ts';
import type { WarningView } from '../food-safety.schemas.ts';
import { certificateWarning, foodHandler, foodSafetyContact, foodSafetyNotice } from '../food-safety.tables.ts';
import { addDays } from '../rules/calendar-months.ts';
import {
  certificateWarningDays,
  isEmployedOn,
  type WarningLevel,
  certificateWarning as warningFor,
  warningLevels,
} from '../rules/certificate-state.ts';

type HandlerRow = typeof foodHandler.$inferSelect;
type WarningRow = typeof certificateWarning.$inferSelect;

const severity = (level: WarningLevel | null) => (level === null ? -1 : warningLevels.indexOf(level));
const levelText: Record<WarningLevel, string> = {
  'expiring-30': '30天内到期',
  'expiring-7': '7天内到期',
  expired: '已过期',
  missing: '未录入',
};

/** In-app notice to the shop and, when the shop gave a phone, one text message through the SMS outbox. */
async function notifyShop(
  ctx: ServiceContext,
  districtCode: string,
  entityId: number,
  counts: Partial<Record<WarningLevel, number>>,
): Promise<void> {
  const parts = warningLevels.filter((level) => counts[level]).map((level) => `${counts[level]}人健康证${levelText[level]}`);
  if (parts.length === 0) return;
  const body = `【智监】您的店铺有从业人员健康证预警：${parts.join('，')}。请及时安排体检并录入新证。`;
  await ctx.db
    .insert(foodSafetyNotice)
    .values({ districtCode, entityId, kind: 'health_certificate.warning', body, refType: 'entity', refId: String(entityId) });
  const [contact] = await ctx.db
    .select({ phoneEnc: foodSafetyContact.phoneEnc })
    .from(foodSafetyContact)
    .where(and(eq(foodSafetyContact.districtCode, districtCode), eq(foodSafetyContact.entityId, entityId)));
  if (contact) {
    await queueSms(ctx, {
      districtCode,
      phone: ctx.crypto.decrypt(contact.phoneEnc),
      body,
      purpose: 'health_certificate.expiry',
      refType: 'entity',
      refId: entityId,
    });
  }
}

/**
 * Brings one person's warning in line with `day`: opens one, escalates it (30 → 7 days → expired), or closes it
 * when a new certificate was entered (renewed) or the person left. Returns the level newly raised, if any.
 */
async function applyWarning(
  ctx: ServiceContext,
  handler: HandlerRow,
  open: WarningRow | undefined,
  day: string,
): Promise<WarningLevel | null> {
  const level = isEmployedOn(handler, day) ? warningFor(handler.certificateValidUntil, day) : null;
  if (open && open.level === level && open.validUntil === handler.certificateValidUntil) return null;
  if (open) {
    const reason = !isEmployedOn(handler, day)
      ? 'left'
      : severity(level) > severity(open.level) && open.validUntil === handler.certificateValidUntil
        ? 'escalated'
        : 'renewed';
    await ctx.db
      .update(certificateWarning)
      .set({ closedOn: day, closeReason: reason })
      .where(and(eq(certificateWarning.districtCode, open.districtCode), eq(certificateWarning.id, open.id)));
  }
  if (level === null) return null;
  await ctx.db.insert(certificateWarning).values({
    districtCode: handler.districtCode,
    handlerId: handler.id,
    entityId: handler.entityId,
    streetCode: handler.streetCode,
    level,
    validUntil: handler.certificateValidUntil,
    openedOn: day,
  });
  return open && severity(level) <= severity(open.level) ? null : level;
}

/** Refreshes one person's warning inside the caller's transaction (certificate entered, person left, hired). */
export async function refreshWarning(ctx: ServiceContext, handler: HandlerRow, day: string): Promise<void> {
  const [open] = await ctx.db
    .select()
    .from(certificateWarning)
    .where(
      and(
        eq(certificateWarning.districtCode, handler.districtCode),
        eq(certificateWarning.handlerId, handler.id),
        isNull(certificateWarning.closedOn),
      ),
    );
  const raised = await applyWarning(ctx, handler, open, day);
  // A newly hired person without a certificate is the shop's own entry in progress: warn, but don't text.
  if (raised && raised !== 'missing') await notifyShop(ctx, handler.districtCode, handler.entityId, { [raised]: 1 });
}

/**
 * The daily expiry job 健康证到期预警: for every person employed on `day` whose certificate expires within 30
 * days, has expired or is missing, and every open warning, bring the warning in line; one notice (and one text)
 * per shop with newly raised or escalated warnings.
 */
export async function runExpiryWarnings(ctx: ServiceContext, day: string): Promise<Record<string, number>> {
  const soon = addDays(day, certificateWarningDays.early);
  const candidates = await ctx.db
    .select()
    .from(foodHandler)
    .where(
      and(
        sql`${foodHandler.hiredOn} <= ${day}`,
        or(isNull(foodHandler.leftOn), sql`${foodHandler.leftOn} > ${day}`),
        or(isNull(foodHandler.certificateValidUntil), lt(foodHandler.certificateValidUntil, soon)),
      ),
    );
  const openRows = await ctx.db.select().from(certificateWarning).where(isNull(certificateWarning.closedOn));
  const openByHandler = new Map(openRows.map((row) => [`${row.districtCode}:${row.handlerId}`, row]));
  const seen = new Set<string>();
  const raisedByShop = new Map<string, Partial<Record<WarningLevel, number>>>();
  let raised = 0;
  const handle = async (handler: HandlerRow) => {
    const key = `${handler.districtCode}:${handler.id}`;
    seen.add(key);
    const level = await applyWarning(ctx, handler, openByHandler.get(key), day);
    if (level && level !== 'missing') {
      raised += 1;
      const shopKey = `${handler.districtCode}:${handler.entityId}`;
      const counts = raisedByShop.get(shopKey) ?? {};
      counts[level] = (counts[level] ?? 0) + 1;
      raisedByShop.set(shopKey, counts);
    }
  };
  for (const handler of candidates) await handle(handler);
  // Open warnings of people no longer among the candidates: renewed or left.
  const stale = openRows.filter((row) => !seen.has(`${row.districtCode}:${row.handlerId}`));
  for (const row of stale) {
    const [handler] = await ctx.db
      .select()
      .from(foodHandler)
      .where(and(eq(foodHandler.districtCode, row.districtCode), eq(foodHandler.id, row.handlerId)));
    if (handler) await handle(handler);
  }
  for (const [shopKey, counts] of raisedByShop) {
    const [districtCode, entityId] = shopKey.split(':') as [string, string];
    await notifyShop(ctx, districtCode, Number(entityId), counts);
  }
  return { checked: candidates.length + stale.length, raised, closed: stale.length, shopsNotified: raisedByShop.size };
}

export async function listWarnings(
  ctx: ActorContext,
  query: { level?: WarningLevel; entityId?: number; page: number; pageSize: number },
): Promise<{ items: WarningView[]; total: number }> {
  const where = and(
    scopeWhere(ctx.actor, {
      district: certificateWarning.districtCode,
      street: certificateWarning.streetCode,
      entity: certificateWarning.entityId,
    }),
    isNull(certificateWarning.closedOn),
    query.level === undefined ? undefined : eq(certificateWarning.level, query.level),
    query.entityId === undefined ? undefined : eq(certificateWarning.entityId, query.entityId),
  );
  const [total] = await ctx.db.select({ total: count() }).from(certificateWarning).where(where);
  const rows = await ctx.db
    .select({
      id: certificateWarning.id,
      handlerId: certificateWarning.handlerId,
      handlerName: foodHandler.name,
      entityId: certificateWarning.entityId,
      streetCode: certificateWarning.streetCode,
      level: certificateWarning.level,
      validUntil: certificateWarning.validUntil,
      openedOn: certificateWarning.openedOn,
    })
    .from(certificateWarning)
    .innerJoin(
      foodHandler,
      and(eq(foodHandler.districtCode, certificateWarning.districtCode), eq(foodHandler.id, certificateWarning.handlerId)),
    )
    .where(where)
    .orderBy(asc(certificateWarning.validUntil), asc(certificateWarning.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows, total: total?.total ?? 0 };
}
