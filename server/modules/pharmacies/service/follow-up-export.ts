import { and, asc, eq } from 'drizzle-orm';
import { chinaTimeZone, todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { xlsxBuffer } from '../../../platform/spreadsheets/xlsx.ts';
import { phRegistration } from '../pharmacies.tables.ts';
import { groupCondition } from './registrations.ts';

/** A time as the command reads it: China time to the minute, `2020-02-03 14:05`. */
const chinaMinute = new Intl.DateTimeFormat('sv-SE', { timeZone: chinaTimeZone, dateStyle: 'short', timeStyle: 'short' });

const symptomNames: Record<string, [string, string]> = {
  fever: ['发热', 'fever'],
  cough: ['咳嗽', 'cough'],
  chest_tightness: ['胸闷', 'chest tightness'],
  fatigue: ['乏力', 'fatigue'],
  sore_throat: ['咽痛', 'sore throat'],
  loss_of_taste: ['嗅味觉减退', 'loss of taste'],
  diarrhoea: ['腹泻', 'diarrhoea'],
};

/**
 * The day's follow-up list (fever ≥ 37.3 °C or contact history) for the epidemic command, as .xlsx, with ID numbers
 * and phones in clear: the export is a disclosure of sensitive personal information, audited with the ids it holds.
 */
export async function exportFollowUps(ctx: ActorContext, day = todayInChina(ctx.clock.now())): Promise<Buffer> {
  const rows = await ctx.db
    .select()
    .from(phRegistration)
    .where(
      and(
        scopeWhere(ctx.actor, {
          district: phRegistration.districtCode,
          street: phRegistration.streetCode,
          entity: phRegistration.pharmacyId,
        }),
        eq(phRegistration.registeredOn, day),
        groupCondition('follow_up'),
      ),
    )
    .orderBy(asc(phRegistration.registeredAt), asc(phRegistration.id));
  const english = ctx.meta.language === 'en';
  const label = (zh: string, en: string) => (english ? en : zh);
  const file = await xlsxBuffer(
    {
      name: label(`跟踪名单 ${day}`, `Follow-up ${day}`),
      boldHeader: true,
      columns: [
        { key: 'at', header: label('登记时间', 'Registered at'), width: 20 },
        { key: 'pharmacy', header: label('药店编号', 'Pharmacy id'), width: 12 },
        { key: 'name', header: label('姓名', 'Name'), width: 12 },
        { key: 'id', header: label('证件号码', 'ID number'), width: 22 },
        { key: 'phone', header: label('手机号码', 'Phone'), width: 14 },
        { key: 'address', header: label('住址', 'Address'), width: 28 },
        { key: 'temperature', header: label('体温', 'Temperature'), width: 8 },
        { key: 'symptoms', header: label('症状', 'Symptoms'), width: 20 },
        { key: 'contact', header: label('接触史', 'Contact history'), width: 8 },
        { key: 'travel', header: label('行程', 'Travel'), width: 28 },
      ],
    },
    rows.map((row) => ({
      at: chinaMinute.format(row.registeredAt),
      pharmacy: row.pharmacyId,
      name: row.buyerName,
      id: ctx.crypto.decrypt(row.idNumberEnc),
      phone: ctx.crypto.decrypt(row.phoneEnc),
      address: row.address,
      temperature: row.temperature === null ? null : Number(row.temperature),
      symptoms: row.symptoms.map((symptom) => symptomNames[symptom]?.[english ? 1 : 0] ?? symptom).join(english ? ', ' : '、'),
      contact: row.hasContactHistory ? label('有', 'yes') : '',
      travel: row.travelHistory,
    })),
  );
  await writeAudit(ctx, {
    action: 'pharmacies.follow_up_export',
    objectType: 'ph_registration',
    reason: `follow-up list ${day}`,
    detail: { day, count: rows.length, ids: rows.map((row) => row.id) },
  });
  return file;
}
