import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { feverThreshold } from '../rules/registration-check.ts';

const symptomatic = sql.raw(`(cardinality(r.symptoms) > 0 or r.temperature >= ${feverThreshold})`);

export interface DailySeries {
  days: string[];
  symptomatic: number[];
  registrations: number[];
}

/**
 * Symptomatic people and registrations per day over [from, to] — the series EARS reads — from the registrations still
 * kept and, for purged days, from their tallies (people there are counted once per pharmacy and day). `scope` is a
 * condition on the alias `r`, which both sources share (district_code, street_code, pharmacy_id, registered_on).
 */
export interface SeriesOptions {
  /** One series per street that has any registration in the window. */
  byStreet?: boolean;
  /**
   * Only the symptomatic people (what EARS reads): the registrations' count is then of symptomatic rows only, and the
   * query reads the partial index of those rows instead of every registration of a busy day.
   */
  symptomaticOnly?: boolean;
}

export async function dailySeries(
  ctx: Pick<ServiceContext, 'db'>,
  scope: SQL,
  from: string,
  to: string,
  options?: SeriesOptions & { byStreet?: false },
): Promise<DailySeries>;
export async function dailySeries(
  ctx: Pick<ServiceContext, 'db'>,
  scope: SQL,
  from: string,
  to: string,
  options: SeriesOptions & { byStreet: true },
): Promise<Map<string, DailySeries>>;
export async function dailySeries(ctx: Pick<ServiceContext, 'db'>, scope: SQL, from: string, to: string, options: SeriesOptions = {}) {
  const byStreet = options.byStreet === true;
  const street = byStreet ? sql.raw('r.street_code') : sql.raw(`''::text`);
  const onlySymptomatic = options.symptomaticOnly ? sql` and ${symptomatic}` : sql``;
  const rows = await queryRows<{ day: string; street: string; symptomatic: number; registrations: number }>(
    ctx.db,
    sql`select to_char(x.day, 'YYYY-MM-DD') as day, x.street, sum(x.symptomatic)::int as symptomatic, sum(x.registrations)::int as registrations
        from (select r.registered_on as day, ${street} as street, count(distinct r.id_number_blind) filter (where ${symptomatic}) as symptomatic,
                count(*) as registrations
              from ph_registration r where r.registered_on between ${from}::date and ${to}::date and ${scope}${onlySymptomatic} group by 1, 2
              union all
              select r.registered_on, ${street}, sum(r.symptomatic_people), sum(r.registrations)
              from ph_registration_tally r where r.registered_on between ${from}::date and ${to}::date and ${scope} group by 1, 2) x
        group by x.day, x.street`,
  );
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  const index = new Map(days.map((day, position) => [day, position]));
  const series = new Map<string, DailySeries>();
  for (const row of rows) {
    const key = row.street;
    const entry = series.get(key) ?? { days, symptomatic: days.map(() => 0), registrations: days.map(() => 0) };
    const position = index.get(row.day);
    if (position !== undefined) {
      entry.symptomatic[position] = Number(row.symptomatic);
      entry.registrations[position] = Number(row.registrations);
    }
    series.set(key, entry);
  }
  if (byStreet) return series;
  return series.get('') ?? { days, symptomatic: days.map(() => 0), registrations: days.map(() => 0) };
}
