import { and, desc, eq } from 'drizzle-orm';
import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { inTurn } from '../../../db/in-turn.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { TimelineEventView } from '../registry.schemas.ts';
import { entityEvent, entityStatusHistory, licence } from '../registry.tables.ts';
import { findEntityInScope } from './entity-scope.ts';

export interface TimelineEventInput {
  entityId: number;
  districtCode: string;
  /** Dotted, owned by the calling module: `inspection.signed`, `complaint.received`, `case.closed`… */
  kind: string;
  at: Date;
  title: { zh: string; en: string };
  refType?: string;
  refId?: string | number;
}

/**
 * Appends an event to an entity's timeline. Other modules call this (through the registry's index.ts)
 * inside their own transaction, passing a context whose `db` is that transaction.
 */
export async function addTimelineEvent(ctx: ServiceContext, input: TimelineEventInput): Promise<void> {
  await ctx.db.insert(entityEvent).values({
    districtCode: input.districtCode,
    entityId: input.entityId,
    kind: input.kind,
    at: input.at,
    titleZh: input.title.zh,
    titleEn: input.title.en,
    refType: input.refType ?? null,
    refId: input.refId === undefined ? null : String(input.refId),
  });
}

const statusTitles = {
  active: { 'zh-CN': '登记成立（存续）', en: 'Registered (active)' },
  moved_out: { 'zh-CN': '迁出', en: 'Moved out of the district' },
  cancelled: { 'zh-CN': '注销', en: 'Cancelled' },
  revoked: { 'zh-CN': '吊销营业执照', en: 'Business licence revoked' },
} as const;
const licenceTitles = {
  business: { 'zh-CN': '营业执照', en: 'business licence' },
  food_business: { 'zh-CN': '食品经营许可证', en: 'food business licence' },
  pharmacy: { 'zh-CN': '药品经营许可证', en: 'pharmacy licence' },
  food_production: { 'zh-CN': '食品生产许可证', en: 'food production licence' },
  workshop_registration: { 'zh-CN': '小作坊登记证', en: 'small food workshop registration' },
} as const;

const dayAt = (day: string) => chinaInstant(day, '00:00:00').toISOString();

/**
 * Everything that happened to one entity, newest first: its status history and licences from the
 * registry, and the events other modules appended.
 */
export async function entityTimeline(ctx: ActorContext, id: number, limit = 200): Promise<{ items: TimelineEventView[] }> {
  const row = await findEntityInScope(ctx, id);
  const key = and(eq(entityEvent.districtCode, row.districtCode), eq(entityEvent.entityId, row.id));
  const [events, history, licences] = await inTurn(
    () => ctx.db.select().from(entityEvent).where(key).orderBy(desc(entityEvent.at), desc(entityEvent.id)).limit(limit),
    () =>
      ctx.db
        .select()
        .from(entityStatusHistory)
        .where(and(eq(entityStatusHistory.districtCode, row.districtCode), eq(entityStatusHistory.entityId, row.id))),
    () =>
      ctx.db
        .select()
        .from(licence)
        .where(and(eq(licence.districtCode, row.districtCode), eq(licence.entityId, row.id))),
  );
  const items: TimelineEventView[] = [
    ...events.map((event) => ({
      kind: event.kind,
      at: event.at.toISOString(),
      title: { 'zh-CN': event.titleZh, en: event.titleEn },
      refType: event.refType,
      refId: event.refId,
    })),
    ...history.map((change) => ({
      kind: `registry.status.${change.status}`,
      at: dayAt(change.since),
      title: {
        'zh-CN': statusTitles[change.status]['zh-CN'] + (change.reason ? `：${change.reason}` : ''),
        en: statusTitles[change.status].en + (change.reason ? `: ${change.reason}` : ''),
      },
      refType: 'entity_status',
      refId: String(change.id),
    })),
    ...licences.map((issued) => ({
      kind: 'registry.licence.issued',
      at: dayAt(issued.issuedOn),
      title: {
        'zh-CN': `取得${licenceTitles[issued.kind]['zh-CN']} ${issued.number}`,
        en: `Issued ${licenceTitles[issued.kind].en} ${issued.number}`,
      },
      refType: 'licence',
      refId: String(issued.id),
    })),
  ];
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { items: items.slice(0, limit) };
}
