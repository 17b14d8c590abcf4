import { addDays, addMonths, daysBetween } from '../../../../shared/calendar-day.ts';
import { maskIdNumber } from '../../../../shared/masking.ts';
import { residentIdCheckCharacter } from '../../../../shared/resident-id.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { foodHandler, healthCertificate } from '../food-safety.tables.ts';
import { runExpiryWarnings } from '../service/expiry-warnings.ts';
import { seedDemoInspections } from './demo-inspections.ts';

const familyNames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '建国',
  '海燕',
  '小红',
];
const posts = ['厨师', '帮厨', '切配', '面点', '服务员', '收银', '洗碗', '店长'];
const institutions = ['明州区疾病预防控制中心', '明州区人民医院体检中心', '宁波市第二医院体检中心'];

export interface FoodSafetyDemoInput {
  districtCode: string;
  /** Uniform [0, 1): the demo's seeded generator. */
  random: () => number;
  /** The demo's "today" (YYYY-MM-DD); certificate states are relative to it. */
  today: string;
  /** Food handlers employed at the end of 2020, or on `today` when it is earlier (default 12,280, the document's figure). */
  employed?: number;
  /**
   * A second seeded generator for the district's life after 2020: staff turnover and hires, inspections of every
   * year since. Without it the data ends at 2020 (the food handlers employed then keep working).
   */
  laterRandom?: () => number;
}

/** The day the work summary counts its 12,280 verified food handlers. */
const countedOn = '2020-12-31';
/** A yearly chance of leaving the job, and of a shop taking on one more person. */
const leavingPerYear = 0.15;
const growthPerYear = 0.03;

type PlannedPerson = typeof foodHandler.$inferInsert & { certificates: { examinedOn: string; validUntil: string }[] };

/**
 * Demo food handlers for the district's active catering units: exactly `employed` people employed at the end of
 * 2020 (every shop at least one) — the work summary's 12,280 verified workers —, about 3% more who had left by
 * then, and, with `laterRandom`, the years since: people leave (about 15% a year) and are replaced, shops take on
 * more. Each person holds a chain of one-year health certificates: most renewed a few days before expiry, some
 * late (expired for a while), a few never renewed, about 3% never entered; so that today about 8% expire within
 * 30 days and some have expired. Then the expiry job runs once so the warning lists have content. Deterministic
 * given the generators.
 */
export async function seedFoodSafetyDemo(
  ctx: ServiceContext,
  input: FoodSafetyDemoInput,
): Promise<{
  shops: number;
  employed: number;
  left: number;
  certificates: number;
  inspections?: number;
  grades?: number;
  uploads?: number;
}> {
  const actor: Actor = {
    userId: 0,
    username: 'demo-seed',
    displayName: 'demo seed',
    districtCode: input.districtCode,
    districtCodes: [input.districtCode],
    roles: ['admin'],
    orgUnitId: null,
    isDistrictWide: true,
    streetCodes: [],
    entityIds: [],
    labId: null,
  };
  const shops: EntitySummary[] = [];
  for (let afterId = 0; ; ) {
    const page = await listEntitiesByCategory({ ...ctx, actor }, 'catering', { afterId, limit: 1000 });
    shops.push(...page);
    if (page.length < 1000) break;
    afterId = (page[page.length - 1] as EntitySummary).id;
  }
  if (shops.length === 0) return { shops: 0, employed: 0, left: 0, certificates: 0 };
  const employedTarget = input.employed ?? 12_280;
  const asOf = input.today < countedOn ? input.today : countedOn;
  const random = input.random;
  const later = input.laterRandom;
  const int = (min: number, max: number, generator = random) => min + Math.floor(generator() * (max - min + 1));
  const perShop: number[] = shops.map(() => (employedTarget >= shops.length ? 1 : 0));
  for (let placed = perShop.reduce((a, b) => a + b, 0); placed < employedTarget; placed += 1) {
    const at = int(0, shops.length - 1);
    perShop[at] = (perShop[at] as number) + 1;
  }

  let serial = 0;
  const people: PlannedPerson[] = [];
  /** One-year certificates from the first examination, renewed until the person leaves or stops renewing. */
  const certificateChain = (hiredOn: string, until: string, generator: () => number) => {
    if (generator() < 0.03) return [];
    const chain: { examinedOn: string; validUntil: string }[] = [];
    let examinedOn = hiredOn < '2018-01-01' ? addDays('2018-01-01', int(0, 364, generator)) : addDays(hiredOn, -int(0, 15, generator));
    while (examinedOn <= until) {
      const validUntil = addDays(addMonths(examinedOn, 12), -1);
      chain.push({ examinedOn, validUntil });
      const roll = generator();
      if (roll < 0.015) break;
      examinedOn = roll < 0.075 ? addDays(validUntil, int(1, 60, generator)) : addDays(validUntil, -int(0, 25, generator));
    }
    return chain;
  };
  const addPerson = (shop: EntitySummary, hiredOn: string, leftOn: string | null, generator: () => number) => {
    serial += 1;
    const birth = addDays('1965-01-01', int(0, 365 * 38, generator));
    const first17 = `330212${birth.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const certificates = certificateChain(hiredOn, leftOn ?? input.today, generator);
    people.push({
      districtCode: input.districtCode,
      entityId: shop.id,
      streetCode: shop.streetCode,
      industryCode: shop.industryCode,
      name: `${familyNames[int(0, familyNames.length - 1, generator)]}${givenNames[int(0, givenNames.length - 1, generator)]}`,
      idNumberEnc: ctx.crypto.encrypt(idNumber),
      idNumberBlind: ctx.crypto.blindIndex(idNumber),
      idNumberMask: maskIdNumber(idNumber),
      post: posts[int(0, posts.length - 1, generator)] as string,
      isFullTime: generator() < 0.9,
      hiredOn,
      leftOn,
      certificateValidUntil: certificates.at(-1)?.validUntil ?? null,
      certificates,
    });
  };
  const yearsAfter = Math.max(0, daysBetween(asOf, input.today)) / 365;
  /** When someone working on `from` leaves before today (or null), at the yearly rate. */
  const leavingDay = (from: string, generator: () => number) => {
    const span = daysBetween(from, input.today);
    if (span <= 1 || generator() >= 1 - (1 - leavingPerYear) ** (span / 365)) return null;
    return addDays(from, int(1, span - 1, generator));
  };
  /** Someone hired after 2020 (a replacement or a new post), who may leave in turn and be replaced. */
  const hireLater = (shop: EntitySummary, hiredOn: string, generator: () => number) => {
    for (let day: string | null = hiredOn; day !== null && day < input.today; ) {
      const leftOn = leavingDay(day, generator);
      addPerson(shop, day, leftOn, generator);
      day = leftOn === null ? null : addDays(leftOn, int(3, 40, generator));
    }
  };
  shops.forEach((shop, index) => {
    for (let n = 0; n < (perShop[index] as number); n += 1) {
      const hiredOn = addDays(asOf, -int(30, 365 * 6));
      const leftOn = later ? leavingDay(asOf, later) : null;
      addPerson(shop, hiredOn, leftOn, random);
      if (later && leftOn !== null) hireLater(shop, addDays(leftOn, int(3, 40, later)), later);
    }
    if (random() < 0.03 * (perShop[index] as number)) {
      const hiredOn = addDays(asOf, -int(30, 365 * 6));
      addPerson(shop, hiredOn, addDays(asOf, -int(1, Math.max(1, Math.min(300, daysBetween(hiredOn, asOf))))), random);
    }
    if (later && later() < 1 - (1 - growthPerYear) ** yearsAfter)
      hireLater(shop, addDays(asOf, int(1, Math.max(1, Math.round(yearsAfter * 365) - 1), later)), later);
  });
  let certificates = 0;
  let certificateSerial = 0;
  for (let start = 0; start < people.length; start += 1000) {
    const batch = people.slice(start, start + 1000);
    const rows = await ctx.db
      .insert(foodHandler)
      .values(batch.map(({ certificates: _certificates, ...row }) => row))
      .returning({ id: foodHandler.id });
    const certificateRows = batch.flatMap((person, index) =>
      person.certificates.map((certificate) => {
        certificateSerial += 1;
        return {
          districtCode: input.districtCode,
          handlerId: (rows[index] as { id: number }).id,
          number: `JKZ${certificate.examinedOn.replaceAll('-', '')}${String(certificateSerial).padStart(6, '0')}`,
          institution: institutions[certificateSerial % institutions.length] as string,
          examinedOn: certificate.examinedOn,
          validUntil: certificate.validUntil,
        };
      }),
    );
    for (let at = 0; at < certificateRows.length; at += 2000)
      await insertRows(ctx.db, healthCertificate, certificateRows.slice(at, at + 2000));
    certificates += certificateRows.length;
  }
  await runExpiryWarnings(ctx, input.today);
  const inspections = await seedDemoInspections(ctx, input);
  const left = people.filter((person) => person.leftOn != null && person.leftOn <= input.today).length;
  return { shops: shops.length, employed: people.length - left, left, certificates, ...inspections };
}
