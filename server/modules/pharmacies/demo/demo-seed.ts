import { sql } from 'drizzle-orm';
import { addDays, chinaInstant } from '../../../../shared/calendar-day.ts';
import { maskIdNumber, maskPhone } from '../../../../shared/masking.ts';
import { residentIdCheckCharacter } from '../../../../shared/resident-id.ts';
import { queryRows } from '../../../db/client.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entitiesWithLicences } from '../../registry/index.ts';
import { phPharmacist, phServicePoint, phSetting } from '../pharmacies.tables.ts';
import { defaultPharmacySettings } from '../rules/pharmacy-settings.ts';
import { evaluateAlarms, evaluateAlarmsOver } from '../service/alarms.ts';

/**
 * The 2020 seed of 药情每日通, exact: 176 pharmacies registered 145,318 buyers from 24 January to 30 April 2020
 * (peak in early February), 3,046 of them with symptoms, exactly 4 with contact history with the outbreak area; 4
 * remote dispensing points and 5 twenty-four-hour delivery pharmacies opened.
 */
export const seed2020 = {
  registrations: 145_318,
  symptomaticPeople: 3_046,
  contactPeople: 4,
  remotePoints: 4,
  deliveryPharmacies: 5,
} as const;
const people2020 = 68_000;
/** Later years continue at a low level; the winter wave of December 2022 shows. */
const laterYears: Record<number, number> = { 2021: 7_200, 2022: 14_500, 2023: 4_800, 2024: 3_400, 2025: 3_000 };
const laterDefault = 2_800;
const dayMs = 86_400_000;

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷',
];
const givens = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅兰凤玉海斌宇浩凯鹏飞俊帆婷雪琳晨阳欣怡子轩梓涵'];

interface Person {
  name: string;
  idEnc: string;
  idIndex: string;
  idMasked: string;
  phoneEnc: string;
  phoneIndex: string;
  phoneMasked: string;
}

function dayOf(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
}

/** Splits `total` over `weights` exactly (largest remainders). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((weight) => (total * weight) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

const columns = sql.raw(
  `district_code, pharmacy_id, street_code, registered_at, registered_on, buyer_name, id_kind, id_number_enc, id_number_blind,
   id_number_masked, phone_enc, phone_blind, phone_masked, address, temperature, symptoms, medicine_class, quantity, is_for_other,
   travel_history, has_contact_history, source`,
);
const recordType = sql.raw(
  `x(district_code char(6), pharmacy_id bigint, street_code char(9), registered_at timestamptz, registered_on date, buyer_name text,
     id_kind text, id_number_enc text, id_number_blind text, id_number_masked text, phone_enc text, phone_blind text, phone_masked text,
     address text, temperature numeric, symptoms text[], medicine_class text, quantity int, is_for_other boolean, travel_history text,
     has_contact_history boolean, source text)`,
);

/**
 * Demo registrations, deterministic given `random`: the 2020 epidemic exactly as the seed tells it, then each later year
 * up to `today` at a low level, daily reports for the last 30 days (a few pharmacies left unreported today) and the
 * service points. Rows go in batches of 4,000 as one JSON parameter each (the demo's generation time matters).
 */
export async function seedPharmaciesDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const pharmacies = (await entitiesWithLicences(ctx, input.districtCode, { category: 'pharmacy' })).map((pharmacy) => ({
    id: pharmacy.id,
    streetCode: pharmacy.streetCode,
    status: pharmacy.status,
    address: pharmacy.address,
    name: pharmacy.name,
  }));
  if (pharmacies.length === 0) return;
  const { random, districtCode } = input;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const personCache = new Map<number, Person>();
  const person = (index: number): Person => {
    const cached = personCache.get(index);
    if (cached) return cached;
    const birth = new Date(Date.parse('1940-01-01T00:00:00Z') + ((Math.floor(index / 900) * 97) % 23_000) * dayMs).toISOString();
    const first17 = `330212${birth.slice(0, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(100 + (index % 900))}`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const phone = `13${String(100_000_000 + ((index * 7_919) % 900_000_000)).padStart(9, '0')}`;
    const made = {
      name: `${surnames[index % surnames.length]}${givens[(index * 7) % givens.length]}${index % 3 === 0 ? '' : givens[(index * 13) % givens.length]}`,
      idEnc: ctx.crypto.encrypt(idNumber),
      idIndex: ctx.crypto.blindIndex(idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneEnc: ctx.crypto.encrypt(phone),
      phoneIndex: ctx.crypto.blindIndex(phone),
      phoneMasked: maskPhone(phone),
    };
    personCache.set(index, made);
    return made;
  };
  let batch: unknown[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await ctx.db.execute(
      sql`insert into ph_registration (${columns}) select ${columns} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as ${recordType}`,
    );
    batch = [];
  };
  const add = async (
    day: string,
    pharmacy: (typeof pharmacies)[number],
    who: number,
    health: { temperature: number; symptoms: string[]; contact: boolean },
    at?: Date,
  ) => {
    const buyer = person(who);
    const minutes = 8 * 60 + Math.floor(random() * 13 * 60);
    const registeredAt = at ?? new Date(chinaInstant(day, '00:00:00').getTime() + minutes * 60_000);
    const roll = random();
    batch.push({
      district_code: districtCode,
      pharmacy_id: pharmacy.id,
      street_code: pharmacy.streetCode,
      registered_at: registeredAt.toISOString(),
      registered_on: day,
      buyer_name: buyer.name,
      id_kind: 'resident_id',
      id_number_enc: buyer.idEnc,
      id_number_blind: buyer.idIndex,
      id_number_masked: buyer.idMasked,
      phone_enc: buyer.phoneEnc,
      phone_blind: buyer.phoneIndex,
      phone_masked: buyer.phoneMasked,
      address: '',
      temperature: health.temperature,
      symptoms: health.symptoms,
      medicine_class: roll < 0.35 ? 'antipyretic' : roll < 0.75 ? 'cough' : roll < 0.85 ? 'antiviral' : 'antibiotic',
      quantity: 1 + Math.floor(random() * 3),
      is_for_other: random() < 0.12,
      travel_history: health.contact ? '1月中旬自武汉返回' : '',
      has_contact_history: health.contact,
      source: random() < 0.4 ? 'pos' : 'counter',
    });
    if (batch.length >= 4_000) await flush();
  };
  const well = () => ({ temperature: Math.round((36 + random() * 1.2) * 10) / 10, symptoms: [] as string[], contact: false });
  const ill = (contact: boolean) => {
    const symptoms = ['fever', 'cough', 'chest_tightness', 'fatigue', 'sore_throat'].filter(
      (_symptom, index) => random() < ([0.45, 0.6, 0.1, 0.2, 0.25][index] ?? 0),
    );
    if (symptoms.length === 0) symptoms.push('cough');
    const hasFever = symptoms.includes('fever');
    return {
      temperature: Math.round((hasFever ? 37.3 + random() * 1.7 : 36.2 + random() * 1) * 10) / 10,
      symptoms,
      contact,
    };
  };

  // 2020: an epidemic-shaped curve, 24 January – 30 April, peaking around 7 February.
  const days2020 = 98;
  const weights = Array.from({ length: days2020 }, (_day, offset) => {
    const rise = Math.min(1, (offset + 3) / 14);
    return rise * Math.exp(-(((offset - 14) / 26) ** 2)) + 0.08;
  });
  const symptomaticRecords = seed2020.symptomaticPeople + Math.floor(seed2020.symptomaticPeople / 5);
  const perDay = apportion(seed2020.registrations, weights);
  const illPerDay = apportion(symptomaticRecords, weights);
  let nextIll = 0;
  let illSecond = 0;
  for (let offset = 0; offset < days2020; offset++) {
    const day = dayOf('2020-01-24', offset);
    const illToday = illPerDay[offset] ?? 0;
    const total = perDay[offset] ?? 0;
    for (let n = 0; n < total; n++) {
      // The first records of the season go round every pharmacy once: all 176 registered buyers.
      const pharmacy = offset === 0 && n < pharmacies.length ? (pharmacies[n] as (typeof pharmacies)[number]) : pick(pharmacies);
      if (n < illToday) {
        // Symptomatic people 0…3046 − 1, one record each; every fifth comes back once more later.
        if (nextIll < seed2020.symptomaticPeople) {
          const who = nextIll++;
          await add(day, pharmacy, who, ill(who < seed2020.contactPeople));
        } else await add(day, pharmacy, (illSecond++ * 5) % seed2020.symptomaticPeople, ill(false));
      } else
        await add(day, pharmacy, seed2020.symptomaticPeople + Math.floor(random() * (people2020 - seed2020.symptomaticPeople)), well());
    }
  }
  await flush();
  personCache.clear();

  // Later years, up to today: a low level, about 3% of buyers with symptoms, nobody with contact history.
  const todayYear = Number(input.today.slice(0, 4));
  for (let year = 2021; year <= todayYear; year++) {
    const first = `${year}-01-01`;
    const last = year === todayYear ? input.today : `${year}-12-31`;
    const span = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / dayMs) + 1;
    const fullYear = (laterYears[year] ?? laterDefault) * (span / 365);
    const yearWeights = Array.from({ length: span }, (_day, offset) => {
      const winter = year === 2022 && offset >= 334 ? 8 : 1; // December 2022
      const season = 1 + 0.5 * Math.cos(((offset - 15) / 365) * 2 * Math.PI);
      return winter * season;
    });
    const counts = apportion(Math.round(fullYear), yearWeights);
    const poolBase = 100_000 + (year - 2021) * 20_000;
    for (let offset = 0; offset < span; offset++) {
      const day = dayOf(first, offset);
      if (day === input.today) continue;
      for (let n = 0; n < (counts[offset] ?? 0); n++)
        await add(day, pick(pharmacies), poolBase + Math.floor(random() * 15_000), random() < 0.03 ? ill(false) : well());
    }
  }
  // Today so far: a dozen buyers, two of them with a fever for the follow-up list.
  const now = chinaInstant(input.today, '00:00:00').getTime() + 10 * 3_600_000;
  for (let n = 0; n < 12; n++)
    await add(
      input.today,
      pharmacies[n % 20] as (typeof pharmacies)[number],
      900_000 + n,
      n < 2 ? ill(false) : well(),
      new Date(now - n * 7 * 60_000),
    );
  await flush();

  // The bureau keeps the 2020 epidemic's registrations for ten years (the annual report compares years); the default
  // retention (rules/pharmacy-settings.ts) would reduce them to their tallies.
  await ctx.db.insert(phSetting).values({
    districtCode,
    effectiveFrom: '2020-01-24',
    settings: { ...defaultPharmacySettings, retentionDays: 3650 },
    note: '疫情期间购药登记保存十年，供年度工作总结对比（演示）',
  });
  // EARS alarms of the 2020 epidemic, handled and closed at the time; today's, as the hourly sweep raises them.
  await evaluateAlarmsOver(ctx, districtCode, '2020-01-24', '2020-04-30');
  // The instants are computed here: Citus refuses time-zone arithmetic on columns in a distributed UPDATE.
  const handled = await queryRows<{ id: string | number; signal_on: string }>(
    ctx.db,
    sql`select id, signal_on::text as signal_on from ph_alarm where district_code = ${districtCode} and signal_on < '2021-01-01'`,
  );
  for (const alarm of handled)
    await ctx.db.execute(
      sql`update ph_alarm set raised_at = ${chinaInstant(alarm.signal_on, '21:00:00').toISOString()}::timestamptz, status = 'closed',
            seen_at = ${chinaInstant(alarm.signal_on, '21:30:00').toISOString()}::timestamptz,
            closed_at = ${chinaInstant(addDays(alarm.signal_on, 1), '10:00:00').toISOString()}::timestamptz,
            closing_note = '已会同疾控核查，纳入疫情防控指挥部当日研判'
          where district_code = ${districtCode} and id = ${Number(alarm.id)}`,
    );
  await evaluateAlarms(ctx, districtCode, input.today);

  // Every registration is its pharmacy's report of the day; the last 30 days, the others reported "nothing today"
  // (one in twenty forgot on a past day; eight have not reported yet today).
  await ctx.db.execute(
    sql`insert into ph_daily_report (district_code, pharmacy_id, report_on, street_code, is_nil, reported_at)
        select district_code, pharmacy_id, registered_on, street_code, false, min(registered_at)
        from ph_registration where district_code = ${districtCode} group by district_code, pharmacy_id, registered_on, street_code`,
  );
  const nilReports: unknown[] = [];
  const active = pharmacies.filter((pharmacy) => pharmacy.status === 'active');
  for (let back = 0; back < 30; back++) {
    const day = dayOf(input.today, -back);
    for (const [index, pharmacy] of active.entries()) {
      if (back === 0 ? index >= active.length - 8 : random() < 0.05) continue;
      nilReports.push({
        pharmacy_id: pharmacy.id,
        report_on: day,
        street_code: pharmacy.streetCode,
        reported_at: chinaInstant(day, '09:30:00').toISOString(),
      });
    }
  }
  await ctx.db.execute(
    sql`insert into ph_daily_report (district_code, pharmacy_id, report_on, street_code, is_nil, reported_at)
        select ${districtCode}, x.pharmacy_id, x.report_on, x.street_code, true, x.reported_at
        from jsonb_to_recordset(${JSON.stringify(nilReports)}::jsonb) as x(pharmacy_id bigint, report_on date, street_code char(9), reported_at timestamptz)
        on conflict do nothing`,
  );

  // 阳光药师: every pharmacy's licensed pharmacist from 1 February 2020 (a second one in every fourth pharmacy), and their
  // check-ins and check-outs every day since, generated in SQL (about 440,000 rows in one statement): about 0.8% of
  // days nobody came, so the rate is about 99%. Today three pharmacies' pharmacists have not checked in.
  const pharmacistRows = pharmacies.flatMap((pharmacy, index) => [
    {
      districtCode,
      pharmacyId: pharmacy.id,
      name: `${surnames[(index * 3) % surnames.length]}${givens[(index * 11) % givens.length]}${givens[(index * 5) % givens.length]}`,
      licenceNumber: `ZY330212${String(2015_0000 + index * 37).slice(-8)}`,
      registeredOn: '2020-02-01',
    },
    ...(index % 4 === 0
      ? [
          {
            districtCode,
            pharmacyId: pharmacy.id,
            name: `${surnames[(index * 7 + 1) % surnames.length]}${givens[(index * 13 + 2) % givens.length]}`,
            licenceNumber: `ZY330212${String(2016_0000 + index * 41).slice(-8)}`,
            registeredOn: '2020-02-01',
          },
        ]
      : []),
  ]);
  const pharmacists = await ctx.db
    .insert(phPharmacist)
    .values(pharmacistRows)
    .returning({ id: phPharmacist.id, pharmacyId: phPharmacist.pharmacyId });
  const firstOfEach = [...new Map(pharmacists.map((row) => [row.pharmacyId, row.id])).values()];
  const absentToday = new Set(firstOfEach.slice(-3));
  const morning = new Date(chinaInstant(input.today, '00:00:00').getTime() + 10 * 3_600_000).toISOString();
  const rollSeed = Math.floor(random() * 1_000_000);
  await ctx.db.execute(
    sql`insert into ph_attendance (district_code, pharmacist_id, pharmacy_id, street_code, work_on, checked_in_at, checked_out_at, in_lng, in_lat, out_lng, out_lat)
        select ${districtCode}, p.id, p.pharmacy_id, e.street_code, d.day::date,
          least(((d.day::date + time '07:35' + (abs(hashtext(${rollSeed} || ':' || p.id || ':' || d.day::date)) % 50) * interval '1 minute') - interval '8 hours') at time zone 'UTC', ${morning}::timestamptz),
          case when d.day::date < ${input.today}::date
               then ((d.day::date + time '19:40' + (abs(hashtext(d.day::date || ':' || p.id || ':' || ${rollSeed})) % 40) * interval '1 minute') - interval '8 hours') at time zone 'UTC' end,
          121.62, 29.87, case when d.day::date < ${input.today}::date then 121.62 end, case when d.day::date < ${input.today}::date then 29.87 end
        from ph_pharmacist p
        join entity e on e.district_code = p.district_code and e.id = p.pharmacy_id
        cross join generate_series('2020-02-01'::date, ${input.today}::date, interval '1 day') d(day)
        where p.district_code = ${districtCode} and p.id in (${sql.join(
          firstOfEach.map((id) => sql`${id}`),
          sql`, `,
        )})
          and abs(hashtext('a' || ${rollSeed} || ':' || p.id || ':' || d.day::date)) % 1000 >= 8
          and not (d.day::date = ${input.today}::date and p.id in (${sql.join(
            [...absentToday].map((id) => sql`${id}`),
            sql`, `,
          )}))`,
  );

  // Supplies: every active pharmacy's stock for the last 7 days; about one in twelve runs short of something.
  const supplies: unknown[] = [];
  for (let back = 6; back >= 0; back--) {
    const day = dayOf(input.today, -back);
    for (const pharmacy of active) {
      const short = random() < 0.08;
      supplies.push({
        pharmacy_id: pharmacy.id,
        report_on: day,
        street_code: pharmacy.streetCode,
        masks: short && random() < 0.6 ? Math.floor(random() * 150) : 300 + Math.floor(random() * 2_000),
        alcohol: short && random() < 0.5 ? Math.floor(random() * 8) : 12 + Math.floor(random() * 60),
        thermometers: short && random() < 0.4 ? Math.floor(random() * 4) : 6 + Math.floor(random() * 30),
        reported_at: chinaInstant(day, '09:00:00').toISOString(),
      });
    }
  }
  await ctx.db.execute(
    sql`insert into ph_supply_report (district_code, pharmacy_id, report_on, street_code, masks, alcohol, thermometers, reported_at)
        select ${districtCode}, x.pharmacy_id, x.report_on, x.street_code, x.masks, x.alcohol, x.thermometers, x.reported_at
        from jsonb_to_recordset(${JSON.stringify(supplies)}::jsonb)
          as x(pharmacy_id bigint, report_on date, street_code char(9), masks int, alcohol int, thermometers int, reported_at timestamptz)`,
  );

  // The service points of 2020: 4 remote dispensing points (送药上山进岛) and 5 twenty-four-hour delivery pharmacies.
  const remote = ['塘溪镇山区送药点', '东吴镇山村送药点', '咸祥镇海岛送药点', '瞻岐镇沿海送药点'];
  await ctx.db.insert(phServicePoint).values([
    ...remote.map((name, index) => {
      const pharmacy = pharmacies[(index * 37) % pharmacies.length] as (typeof pharmacies)[number];
      return {
        districtCode,
        kind: 'remote_point',
        name,
        pharmacyId: pharmacy.id,
        streetCode: pharmacy.streetCode,
        address: `${name.slice(0, 3)}村委会便民服务室`,
        serviceArea: `${name.slice(0, 3)}及周边山村、海岛居民`,
        hours: '每周二、五 9:00–16:00',
        phone: '',
        openedOn: `2020-02-${String(10 + index * 3).padStart(2, '0')}`,
      };
    }),
    ...[0, 1, 2, 3, 4].map((index) => {
      const pharmacy = pharmacies[(index * 29 + 11) % pharmacies.length] as (typeof pharmacies)[number];
      return {
        districtCode,
        kind: 'delivery_24h',
        name: pharmacy.name,
        pharmacyId: pharmacy.id,
        streetCode: pharmacy.streetCode,
        address: pharmacy.address,
        serviceArea: '本街道及相邻街道，3公里内30分钟送达',
        hours: '24小时',
        phone: '',
        openedOn: `2020-03-0${index + 2}`,
      };
    }),
  ]);
}
