import { and, eq, inArray, sql } from 'drizzle-orm';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { queueSms } from '../../../platform/sms/sms.service.ts';
import { entityContactPhones } from '../../registry/index.ts';
import { type ReminderKind, remindersDue } from '../rules/reminders.ts';
import { registrationWindowDays } from '../rules/use-registration.ts';
import { seEquipment, seReminder } from '../special-equipment.tables.ts';
import { nextDueSql } from './shared-views.ts';

const kindText: Record<ReminderKind, string> = {
  inspection_due_soon: '台设备一个月内到期需定期检验，请向检验机构申报',
  inspection_overdue: '台设备已超期未检，检验合格前不得使用',
  registration_overdue: '台设备投入使用已超30日未办理使用登记',
};

/**
 * The daily reminders of one district on `day` (rules/reminders.ts): every reminder not sent before (one per equipment,
 * kind and due day) is recorded, and each user with new ones and a registered phone gets one text through the SMS
 * outbox. Returns how many reminders were recorded and texts queued.
 */
export async function remindDistrict(
  ctx: ServiceContext,
  districtCode: string,
  day: string,
): Promise<{ reminded: number; texted: number }> {
  const candidates = await ctx.db
    .select({
      id: seEquipment.id,
      entityId: seEquipment.entityId,
      status: seEquipment.status,
      firstUsedOn: seEquipment.firstUsedOn,
      registeredOn: seEquipment.registeredOn,
      nextDueOn: nextDueSql,
    })
    .from(seEquipment)
    .where(
      and(
        eq(seEquipment.districtCode, districtCode),
        eq(seEquipment.status, 'in_use'),
        sql`(${nextDueSql}::date <= ${addMonths(day, 1)}::date or (${seEquipment.registeredOn} is null and ${seEquipment.firstUsedOn} < ${addCalendarDays(day, -registrationWindowDays)}::date))`,
      ),
    );
  const wanted = candidates.flatMap((piece) =>
    remindersDue(piece, day).map((due) => ({ districtCode, equipmentId: piece.id, entityId: piece.entityId, ...due, sentOn: day })),
  );
  if (wanted.length === 0) return { reminded: 0, texted: 0 };
  return ctx.db.transaction(async (tx) => {
    const inserted: { id: number; entityId: number; kind: ReminderKind }[] = [];
    for (let start = 0; start < wanted.length; start += 500)
      inserted.push(
        ...(await tx
          .insert(seReminder)
          .values(wanted.slice(start, start + 500))
          .onConflictDoNothing()
          .returning({ id: seReminder.id, entityId: seReminder.entityId, kind: seReminder.kind })),
      );
    const byEntity = new Map<number, { ids: number[]; counts: Partial<Record<ReminderKind, number>> }>();
    for (const row of inserted) {
      const entry = byEntity.get(row.entityId) ?? { ids: [], counts: {} };
      entry.ids.push(row.id);
      entry.counts[row.kind] = (entry.counts[row.kind] ?? 0) + 1;
      byEntity.set(row.entityId, entry);
    }
    const phones = await entityContactPhones({ ...ctx, db: tx }, districtCode, [...byEntity.keys()]);
    let texted = 0;
    for (const [entityId, entry] of byEntity) {
      const phone = phones.get(entityId);
      if (!phone) continue;
      const parts = (Object.keys(kindText) as ReminderKind[])
        .filter((kind) => entry.counts[kind])
        .map((kind) => `${entry.counts[kind]}${kindText[kind]}`);
      await queueSms(
        { ...ctx, db: tx },
        {
          districtCode,
          phone,
          body: `【智监】特种设备提醒：贵单位${parts.join('；')}。`,
          purpose: 'special_equipment.reminder',
          refType: 'entity',
          refId: entityId,
        },
      );
      await tx
        .update(seReminder)
        .set({ isTexted: true })
        .where(and(eq(seReminder.districtCode, districtCode), inArray(seReminder.id, entry.ids)));
      texted += 1;
    }
    return { reminded: inserted.length, texted };
  });
}

/** Every district's reminders on `day` (the daily job). */
export async function runReminders(ctx: ServiceContext, day: string): Promise<Record<string, number>> {
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let reminded = 0;
  let texted = 0;
  for (const { code } of districts) {
    const result = await remindDistrict(ctx, code, day);
    reminded += result.reminded;
    texted += result.texted;
  }
  return { districts: districts.length, reminded, texted };
}
