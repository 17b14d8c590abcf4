import { maskIdNumber } from '../../../../shared/masking.ts';
import { residentIdCheckCharacter } from '../../../../shared/resident-id.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { foodHandler, healthCertificate } from '../food-safety.tables.ts';
import { addCalendarMonths, addDays } from '../rules/calendar-months.ts';
import { seedDemoInspections } from './demo-inspections.ts';
import { runExpiryWarnings } from './expiry-warnings.ts';

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
  /** Food handlers employed on `today` (default 12,280, the document's figure). */
  employed?: number;
}

/**
 * Demo food handlers for the district's active catering units: exactly `employed` people employed on `today`
 * (every shop at least one), about 3% more who already left, and certificates such that about 80% are valid,
 * 8% expire within 30 days, 7% have expired and 5% are missing; then the expiry job runs once so the warning
 * lists have content. Deterministic given `random`.
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
  const random = input.random;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const perShop: number[] = shops.map(() => (employedTarget >= shops.length ? 1 : 0));
  for (let placed = perShop.reduce((a, b) => a + b, 0); placed < employedTarget; placed += 1) {
    const at = int(0, shops.length - 1);
    perShop[at] = (perShop[at] as number) + 1;
  }

  let serial = 0;
  const people: (typeof foodHandler.$inferInsert & { certificate: { examinedOn: string; validUntil: string } | null })[] = [];
  const addPerson = (shop: EntitySummary, hasLeft: boolean) => {
    serial += 1;
    const birth = addDays('1965-01-01', int(0, 365 * 38));
    const first17 = `330212${birth.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const hiredOn = addDays(input.today, -int(30, 365 * 6));
    const roll = random();
    // valid 80% (expires 30–365 days ahead), expiring 8% (0–29 days), expired 7% (1–200 days ago), missing 5%.
    const validUntil =
      roll < 0.8
        ? addDays(input.today, int(30, 364))
        : roll < 0.88
          ? addDays(input.today, int(0, 29))
          : roll < 0.95
            ? addDays(input.today, -int(1, 200))
            : null;
    const certificate = validUntil === null ? null : { examinedOn: addDays(addCalendarMonths(validUntil, -12), 1), validUntil };
    people.push({
      districtCode: input.districtCode,
      entityId: shop.id,
      streetCode: shop.streetCode,
      industryCode: shop.industryCode,
      name: `${familyNames[int(0, familyNames.length - 1)]}${givenNames[int(0, givenNames.length - 1)]}`,
      idNumberEnc: ctx.crypto.encrypt(idNumber),
      idNumberBlind: ctx.crypto.blindIndex(idNumber),
      idNumberMask: maskIdNumber(idNumber),
      post: posts[int(0, posts.length - 1)] as string,
      isFullTime: random() < 0.9,
      hiredOn,
      leftOn: hasLeft
        ? addDays(
            input.today,
            -int(1, Math.max(1, Math.min(300, Math.round((Date.parse(input.today) - Date.parse(hiredOn)) / 86_400_000)))),
          )
        : null,
      certificateValidUntil: validUntil,
      certificate,
    });
  };
  shops.forEach((shop, index) => {
    for (let n = 0; n < (perShop[index] as number); n += 1) addPerson(shop, false);
    if (random() < 0.03 * (perShop[index] as number)) addPerson(shop, true);
  });
  let certificates = 0;
  for (let start = 0; start < people.length; start += 1000) {
    const batch = people.slice(start, start + 1000);
    const rows = await ctx.db
      .insert(foodHandler)
      .values(batch.map(({ certificate: _certificate, ...row }) => row))
      .returning({ id: foodHandler.id });
    const certificateRows = batch.flatMap((person, index) =>
      person.certificate === null
        ? []
        : [
            {
              districtCode: input.districtCode,
              handlerId: (rows[index] as { id: number }).id,
              number: `JKZ${person.certificate.examinedOn.replaceAll('-', '')}${String(start + index).padStart(5, '0')}`,
              institution: institutions[(start + index) % institutions.length] as string,
              examinedOn: person.certificate.examinedOn,
              validUntil: person.certificate.validUntil,
            },
          ],
    );
    if (certificateRows.length) await ctx.db.insert(healthCertificate).values(certificateRows);
    certificates += certificateRows.length;
  }
  await runExpiryWarnings(ctx, input.today);
  const inspections = await seedDemoInspections(ctx, input);
  const left = people.filter((person) => person.leftOn !== null).length;
  return { shops: shops.length, employed: people.length - left, left, certificates, ...inspections };
}
