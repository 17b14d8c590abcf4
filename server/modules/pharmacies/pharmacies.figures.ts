import { type AnyColumn, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { feverThreshold } from './rules/registration-check.ts';
import { pharmacyDays } from './service/attendance.ts';

const module = 'pharmacies';
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const registrationScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: column('r.district_code'), street: column('r.street_code'), entity: column('r.pharmacy_id') });
const inPeriod = (period: DateRange) => sql`r.registered_on between ${period.from}::date and ${period.to}::date`;
const medicineLabel = labelOf(sql`r.medicine_class`, {
  antipyretic: '退热类',
  cough: '止咳类',
  antiviral: '抗病毒类',
  antibiotic: '抗菌素类',
});

/**
 * The rows a purged day's tally stands for (service/retention.ts): `n` anonymous records per pharmacy, day and medicine
 * class, titled with the pharmacy and the day. The tally is read under the alias `r`, as the registrations are.
 */
function tallied(ctx: ActorContext, period: DateRange, count: string, link: string) {
  return sql`select r.district_code, 'tally:' || r.pharmacy_id || ':' || to_char(r.registered_on, 'YYYY-MM-DD') || ':' || r.medicine_class || ':' || n as id,
        e.name || ' · ' || to_char(r.registered_on, 'YYYY-MM-DD') || ' (purged)' as title, r.registered_on as on_date, r.street_code,
        null::bigint as station_id, r.medicine_class as category, ${medicineLabel} as category_label, null::numeric as amount,
        null::boolean as counted, ${link} as link
      from ph_registration_tally r join entity e on e.district_code = r.district_code and e.id = r.pharmacy_id
      cross join generate_series(1, r.${sql.raw(count)}) n
      where ${registrationScope(ctx)} and ${inPeriod(period)} and r.${sql.raw(count)} > 0`;
}

/**
 * One row per person (the ID number's blind index) whose registrations in the period match `condition`: their first
 * such registration. No personal data in the row: the title names the pharmacy and the registration number. Purged
 * days add their tallies' people (counted once per pharmacy and day there: decision 0027).
 */
function people(condition: string, tallyColumn: string) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`(select distinct on (r.id_number_blind) r.district_code, r.id::text as id, e.name || ' · #' || r.id as title,
          r.registered_on as on_date, r.street_code, null::bigint as station_id, r.medicine_class as category, ${medicineLabel} as category_label,
          null::numeric as amount, null::boolean as counted, '/pharmacies/surveillance' as link
        from ph_registration r join entity e on e.district_code = r.district_code and e.id = r.pharmacy_id
        where ${registrationScope(ctx)} and ${inPeriod(period)} and ${sql.raw(condition)}
        order by r.id_number_blind, r.registered_at, r.id)
        union all ${tallied(ctx, period, tallyColumn, '/pharmacies/surveillance')}`;
}

/** 药情每日通's figures (capability 11): pharmacies reporting, registrations, symptomatic and contact-history people, service points. */
export const pharmacyFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'pharmacies.reporting-pharmacies',
    module,
    name: { 'zh-CN': '登记购药者的药店', en: 'Pharmacies registering buyers' },
    unit: { 'zh-CN': '家', en: 'pharmacies' },
    definition: {
      'zh-CN': '期间内登记过退热、止咳等药品购买者的零售药店',
      en: 'Retail pharmacies that registered buyers of fever and cough medicines in the period',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select distinct on (r.pharmacy_id) r.district_code, r.pharmacy_id::text as id, e.name as title, r.registered_on as on_date,
            r.street_code, null::bigint as station_id, null::text as category, null::text as category_label,
            null::numeric as amount, null::boolean as counted, '/pharmacies/status' as link
          from (select r.district_code, r.pharmacy_id, r.registered_on, r.street_code from ph_registration r
                where ${registrationScope(ctx)} and ${inPeriod(period)}
                union all select r.district_code, r.pharmacy_id, r.registered_on, r.street_code from ph_registration_tally r
                where ${registrationScope(ctx)} and ${inPeriod(period)}) r
          join entity e on e.district_code = r.district_code and e.id = r.pharmacy_id
          order by r.pharmacy_id, r.registered_on`,
  }),
  sqlFigure({
    key: 'pharmacies.registrations',
    module,
    name: { 'zh-CN': '购药登记', en: 'Medicine buyer registrations' },
    unit: { 'zh-CN': '条', en: 'records' },
    definition: {
      'zh-CN': '药店登记的退热、止咳、抗病毒、抗菌素类药品购买记录',
      en: 'Records of buyers of fever-reducing, cough, antiviral and antibiotic medicines registered by pharmacies',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: (ctx, period) =>
      sql`select r.district_code, r.id::text as id, e.name || ' · #' || r.id as title, r.registered_on as on_date, r.street_code,
            null::bigint as station_id, r.medicine_class as category, ${medicineLabel} as category_label,
            null::numeric as amount, null::boolean as counted, '/pharmacies/surveillance' as link
          from ph_registration r join entity e on e.district_code = r.district_code and e.id = r.pharmacy_id
          where ${registrationScope(ctx)} and ${inPeriod(period)}
          union all ${tallied(ctx, period, 'registrations', '/pharmacies/surveillance')}`,
  }),
  sqlFigure({
    key: 'pharmacies.symptomatic-people',
    module,
    name: { 'zh-CN': '有症状购药人员', en: 'Symptomatic buyers' },
    unit: { 'zh-CN': '人', en: 'people' },
    definition: {
      'zh-CN': `期间内登记有发热、咳嗽、胸闷等症状或体温≥${feverThreshold}℃的购药人员（按身份证件去重）`,
      en: `Buyers registered with fever, cough, chest tightness or other symptoms, or a temperature of ${feverThreshold} °C or more (distinct ID numbers)`,
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: people(`(cardinality(r.symptoms) > 0 or r.temperature >= ${feverThreshold})`, 'symptomatic_people'),
  }),
  sqlFigure({
    key: 'pharmacies.contact-people',
    module,
    name: { 'zh-CN': '有疫区接触史购药人员', en: 'Buyers with contact history' },
    unit: { 'zh-CN': '人', en: 'people' },
    definition: {
      'zh-CN': '期间内登记有疫区旅居史或接触史的购药人员（按身份证件去重）',
      en: 'Buyers registered with travel to or contact with the outbreak area (distinct ID numbers)',
    },
    kind: 'count',
    timing: 'flow',
    rows: people('r.has_contact_history', 'contact_people'),
  }),
  sqlFigure({
    key: 'pharmacies.service-points',
    module,
    name: { 'zh-CN': '送药服务点', en: 'Medicine service points' },
    unit: { 'zh-CN': '个', en: 'points' },
    definition: {
      'zh-CN': '期间末在运行的送药上山进岛服务点和24小时"网订店送"药店',
      en: 'Remote dispensing points and 24-hour "order online, delivered from the shop" pharmacies open at the end of the period',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['station', 'street', 'category'],
    rows: (ctx, period) =>
      sql`select p.district_code, p.id::text as id, p.name as title, p.opened_on as on_date, p.street_code, null::bigint as station_id,
            p.kind as category, ${labelOf(sql`p.kind`, { remote_point: '送药上山进岛服务点', delivery_24h: '24小时送药药店' })} as category_label,
            null::numeric as amount, null::boolean as counted, '/pharmacies/service-points' as link
          from ph_service_point p
          where ${scopeWhere(ctx.actor, { district: column('p.district_code'), street: column('p.street_code'), entity: column('p.pharmacy_id') })}
            and p.opened_on <= ${period.to}::date and (p.closed_on is null or p.closed_on > ${period.to}::date)`,
  }),
  sqlFigure({
    key: 'pharmacies.attendance-rate',
    module,
    name: { 'zh-CN': '阳光药师在岗率', en: 'Pharmacist attendance rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '药店营业日中执业药师开门前签到、打烊后签退的比例（营业时间与容差为局里的设置）',
      en: 'Share of pharmacy business days a licensed pharmacist checked in by opening and out at closing (hours and tolerance: the bureau rule)',
    },
    kind: 'rate',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select x.district_code, x.pharmacy_id || ':' || to_char(x.day, 'YYYY-MM-DD') as id, x.name as title, x.day as on_date, x.street_code,
            null::bigint as station_id, null::text as category, null::text as category_label, null::numeric as amount,
            x.covered as counted, '/pharmacies/attendance' as link
          from (${pharmacyDays(ctx, period.from, period.to)}) x`,
  }),
];
