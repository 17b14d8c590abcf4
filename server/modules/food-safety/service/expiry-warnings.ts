import { and, asc, count, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { addDays } from '../../../../shared/calendar-day.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { queueSms } from '../../../platform/sms/sms.service.ts';
import type { WarningView } from '../food-safety.schemas.ts';
import { certificateWarning, foodHandler, foodSafetyContact, foodSafetyNotice } from '../food-safety.tables.ts';
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

interface WarningChange {
  close?: { districtCode: string; id: number; reason: 'renewed' | 'left' | 'escalated' };
  open?: typeof certificateWarning.$inferInsert;
  /** The level newly raised or escalated to, if any (what the shop is told about). */
  raised: WarningLevel | null;
}

/**
 * What one person's warning needs on `day`: nothing, a new one, an escalation (30 → 7 days → expired), or closing
 * it because a new certificate was entered (renewed) or the person left.
 */
function warningChange(handler: HandlerRow, open: WarningRow | undefined, day: string): WarningChange {
  const level = isEmployedOn(handler, day) ? warningFor(handler.certificateValidUntil, day) : null;
  if (open && open.level === level && open.validUntil === handler.certificateValidUntil) return { raised: null };
  const close = open
    ? {
        districtCode: open.districtCode,
        id: open.id,
        reason: !isEmployedOn(handler, day)
          ? ('left' as const)
          : severity(level) > severity(open.level) && open.validUntil === handler.certificateValidUntil
            ? ('escalated' as const)
            : ('renewed' as const),
      }
    : undefined;
  if (level === null) return { close, raised: null };
  return {
    close,
    open: {
      districtCode: handler.districtCode,
      handlerId: handler.id,
      entityId: handler.entityId,
      streetCode: handler.streetCode,
      level,
      validUntil: handler.certificateValidUntil,
      openedOn: day,
    },
    raised: open && severity(level) <= severity(open.level) ? null : level,
  };
}

const statementRows = 500;

/** Applies the changes: closes first (one open warning per person), then opens, a few statements per 500 people. */
async function applyChanges(ctx: ServiceContext, changes: readonly WarningChange[], day: string): Promise<void> {
  const closes = changes.flatMap((change) => (change.close ? [change.close] : []));
  for (let start = 0; start < closes.length; start += statementRows) {
    const rows = sql.join(
      closes.slice(start, start + statementRows).map((close) => sql`(${close.districtCode}, ${close.id}::bigint, ${close.reason})`),
      sql`, `,
    );
    await ctx.db.execute(
      sql`update ${certificateWarning} set closed_on = ${day}::date, close_reason = v.reason
          from (values ${rows}) as v(district_code, id, reason)
          where ${certificateWarning.districtCode} = v.district_code and ${certificateWarning.id} = v.id`,
    );
  }
  const opens = changes.flatMap((change) => (change.open ? [change.open] : []));
  for (let start = 0; start < opens.length; start += statementRows) {
    await ctx.db.insert(certificateWarning).values(opens.slice(start, start + statementRows));
  }
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
  const change = warningChange(handler, open, day);
  await applyChanges(ctx, [change], day);
  // A newly hired person without a certificate is the shop's own entry in progress: warn, but don't text.
  if (change.raised && change.raised !== 'missing') await notifyShop(ctx, handler.districtCode, handler.entityId, { [change.raised]: 1 });
}

/**
 * The daily expiry job 健康证到期预警: for every person employed on `day` whose certificate expires within 30
 * days, has expired or is missing, and every open warning, bring the warning in line; one notice (and one text)
 * per shop with newly raised or escalated warnings. Reads and writes in batches: a first run on a large district
 * raises tens of thousands of warnings.
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
  const seen = new Set(candidates.map((handler) => `${handler.districtCode}:${handler.id}`));
  // Open warnings of people no longer among the candidates: renewed or left.
  const stale = openRows.filter((row) => !seen.has(`${row.districtCode}:${row.handlerId}`));
  const staleHandlers: HandlerRow[] = [];
  for (const districtCode of new Set(stale.map((row) => row.districtCode))) {
    const ids = stale.filter((row) => row.districtCode === districtCode).map((row) => row.handlerId);
    for (let start = 0; start < ids.length; start += statementRows) {
      staleHandlers.push(
        ...(await ctx.db
          .select()
          .from(foodHandler)
          .where(and(eq(foodHandler.districtCode, districtCode), inArray(foodHandler.id, ids.slice(start, start + statementRows))))),
      );
    }
  }
  const changes = [...candidates, ...staleHandlers].map((handler) => ({
    handler,
    change: warningChange(handler, openByHandler.get(`${handler.districtCode}:${handler.id}`), day),
  }));
  await applyChanges(
    ctx,
    changes.map(({ change }) => change),
    day,
  );
  const raisedByShop = new Map<string, Partial<Record<WarningLevel, number>>>();
  let raised = 0;
  for (const { handler, change } of changes) {
    if (!change.raised || change.raised === 'missing') continue;
    raised += 1;
    const shopKey = `${handler.districtCode}:${handler.entityId}`;
    const counts = raisedByShop.get(shopKey) ?? {};
    counts[change.raised] = (counts[change.raised] ?? 0) + 1;
    raisedByShop.set(shopKey, counts);
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
