import { sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { feverThreshold } from '../rules/registration-check.ts';
import { pharmacySettingsOn } from './settings.ts';

/** The first day still kept in a district today: registrations of earlier days are purged (the bureau's retention). */
export async function firstKeptDay(ctx: Pick<ServiceContext, 'db' | 'clock'>, districtCode: string): Promise<string> {
  const today = todayInChina(ctx.clock.now());
  const { retentionDays } = await pharmacySettingsOn(ctx, districtCode, today);
  return addDays(today, -retentionDays);
}

const symptomatic = sql.raw(`coalesce(cardinality(r.symptoms) > 0 or r.temperature >= ${feverThreshold}, false)`);
const followUp = sql.raw(`coalesce(r.has_contact_history or r.temperature >= ${feverThreshold}, false)`);

/**
 * Reduces a district's registrations of [from, until) to counts and deletes them, in one transaction: the tally keeps
 * per day, pharmacy and medicine class the registrations and the people (one a day, counted at their first
 * registration of the day; the symptomatic, follow-up and contact people at their first such registration), and no
 * name, ID, phone, address or health detail. Registrations that arrive later for a purged day add to its tally.
 */
async function purgeRange(ctx: ServiceContext, districtCode: string, from: string, until: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`insert into ph_registration_tally (district_code, registered_on, pharmacy_id, medicine_class, street_code,
          registrations, people, symptomatic_people, follow_up_people, contact_people, purged_at)
        select p.district_code, p.registered_on, p.pharmacy_id, p.medicine_class, min(p.street_code), count(*)::int,
          count(*) filter (where p.nth = 1)::int,
          count(*) filter (where p.symptomatic and p.nth_symptomatic = 1)::int,
          count(*) filter (where p.follow_up and p.nth_follow_up = 1)::int,
          count(*) filter (where p.contact and p.nth_contact = 1)::int,
          ${ctx.clock.now()}
        from (select r.district_code, r.registered_on, r.pharmacy_id, r.medicine_class, r.street_code,
                ${symptomatic} as symptomatic, ${followUp} as follow_up, r.has_contact_history as contact,
                row_number() over (partition by r.registered_on, r.id_number_blind order by r.registered_at, r.id) as nth,
                row_number() over (partition by r.registered_on, r.id_number_blind, ${symptomatic} order by r.registered_at, r.id) as nth_symptomatic,
                row_number() over (partition by r.registered_on, r.id_number_blind, ${followUp} order by r.registered_at, r.id) as nth_follow_up,
                row_number() over (partition by r.registered_on, r.id_number_blind, r.has_contact_history order by r.registered_at, r.id) as nth_contact
              from ph_registration r
              where r.district_code = ${districtCode} and r.registered_on >= ${from}::date and r.registered_on < ${until}::date) p
        group by p.district_code, p.registered_on, p.pharmacy_id, p.medicine_class
        on conflict (district_code, registered_on, pharmacy_id, medicine_class) do update set
          registrations = ph_registration_tally.registrations + excluded.registrations,
          people = ph_registration_tally.people + excluded.people,
          symptomatic_people = ph_registration_tally.symptomatic_people + excluded.symptomatic_people,
          follow_up_people = ph_registration_tally.follow_up_people + excluded.follow_up_people,
          contact_people = ph_registration_tally.contact_people + excluded.contact_people,
          purged_at = excluded.purged_at`);
    const deleted = await queryRows<{ count: number }>(
      tx,
      sql`with gone as (delete from ph_registration where district_code = ${districtCode} and registered_on >= ${from}::date
            and registered_on < ${until}::date returning 1) select count(*)::int as count from gone`,
    );
    return Number(deleted[0]?.count ?? 0);
  });
}

/**
 * The purge of one district: every registration older than the retention period in force today, a month of days per
 * transaction (an interrupted run leaves whole months done, and the next run finishes the rest), recorded in the
 * district's audit chain with the counts.
 */
export async function purgeExpiredRegistrations(ctx: ServiceContext, districtCode: string): Promise<{ purged: number; before: string }> {
  const before = await firstKeptDay(ctx, districtCode);
  const [oldest] = await queryRows<{ day: string | null }>(
    ctx.db,
    sql`select to_char(min(registered_on), 'YYYY-MM-DD') as day from ph_registration where district_code = ${districtCode} and registered_on < ${before}::date`,
  );
  let purged = 0;
  for (let from = oldest?.day ?? before; from < before; ) {
    const until = [addDays(from, 31), before].sort()[0] as string;
    purged += await purgeRange(ctx, districtCode, from, until);
    from = until;
  }
  if (purged > 0)
    await writeAudit(ctx, {
      action: 'pharmacies.registrations_purge',
      objectType: 'ph_registration',
      districtCode,
      detail: { before, purged },
    });
  return { purged, before };
}

/** Every district's purge (the daily job). */
export async function purgeAllDistricts(ctx: ServiceContext): Promise<Record<string, number>> {
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let purged = 0;
  for (const { code } of districts) purged += (await purgeExpiredRegistrations(ctx, code)).purged;
  return { districts: districts.length, purged };
}
