import { and, eq, sql } from 'drizzle-orm';
import { addDays, chinaInstant } from '../../../../shared/calendar-day.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import { entitiesWithLicences } from '../../registry/index.ts';
import {
  foodInspection,
  foodInspectionAnswer,
  foodSafetyGrade,
  foodSafetyGradeHistory,
  rectificationOrder,
  shopUpload,
} from '../food-safety.tables.ts';
import { type GradedInspection, gradeEntity, scoreInspection } from '../rules/entity-grade.ts';
import { gradingRulesFor } from '../rules/grading-rule-sets.ts';
import { runFindings } from '../service/comparison.ts';
import { gradingInputsOf } from '../service/grades.ts';
import { ensureDefaultTemplate, templateItems } from '../service/templates.ts';

const results = ['pass', 'partial', 'fail', 'na'] as const;

/**
 * Demo inspections across 2019–2020 for the district's active catering units (1–3 each, two inspectors of the
 * shop's station), their rectification orders (closed by the next inspection when there is one), the grades
 * computed with the pure rules and inserted in bulk with one history row each, a few shop uploads waiting for
 * review (and two approved ones contradicting the registry), then one comparison run so findings exist.
 */
export async function seedDemoInspections(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string; laterRandom?: () => number },
): Promise<{ inspections: number; grades: number; uploads: number }> {
  const { districtCode, random, laterRandom } = input;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const templateId = await ensureDefaultTemplate(ctx, districtCode);
  const items = await templateItems(ctx, districtCode, templateId);
  const graded = new Set(
    (
      await ctx.db
        .select({ entityId: foodSafetyGrade.entityId })
        .from(foodSafetyGrade)
        .where(eq(foodSafetyGrade.districtCode, districtCode))
    ).map((row) => row.entityId),
  );
  // Shops already graded (inspected for real) are left alone.
  const shops = (await entitiesWithLicences(ctx, districtCode, { category: 'catering' })).filter(
    (shop) => shop.status === 'active' && !graded.has(shop.id),
  );
  const stations = await ctx.db
    .select({ streetCode: stationStreet.streetCode, stationId: stationStreet.stationId })
    .from(stationStreet)
    .where(eq(stationStreet.districtCode, districtCode));
  const inspectors = await ctx.db
    .select({ id: appUser.id, orgUnitId: appUser.orgUnitId })
    .from(appUser)
    .where(and(eq(appUser.districtCode, districtCode), sql`'inspector' = any(${appUser.roles})`));
  if (shops.length === 0 || inspectors.length < 2) return { inspections: 0, grades: 0, uploads: 0 };
  const stationOf = new Map(stations.map((row) => [row.streetCode, row.stationId]));
  const pairFor = (streetCode: string): number[] => {
    const local = inspectors.filter((user) => user.orgUnitId === stationOf.get(streetCode)).map((user) => user.id);
    const others = inspectors.map((user) => user.id).filter((id) => !local.includes(id));
    const pool = [...local, ...others];
    return local.length >= 2 ? [local[0] as number, local[1] as number] : [pool[0] as number, pool[1] as number];
  };
  type Planned = { row: typeof foodInspection.$inferInsert; answers: (typeof results)[number][]; needsOrder: boolean };
  const planned: Planned[] = [];
  const rulesOf = (day: string) => gradingRulesFor(districtCode, day);
  for (const shop of shops) {
    const quality = random(); // a shop's habits: most good, some poor
    const count = int(1, 3);
    const days = Array.from({ length: count }, () => addDays('2019-01-02', int(0, 727))).filter((day) => day < input.today);
    days.sort();
    // After 2020 (its own generator, so 2019–2020 stay as they were): about one inspection every three years, more
    // for poor shops, and one within the last year for most, so grades and due dates are current today.
    if (laterRandom) {
      const lastYear = Number(input.today.slice(0, 4));
      for (let year = 2021; year <= lastYear; year++) {
        const visits = laterRandom() < (quality < 0.3 ? 0.6 : 0.3) ? 1 : 0;
        for (let visit = 0; visit < visits; visit++) days.push(addDays(`${year}-01-04`, Math.floor(laterRandom() * 350)));
      }
      if (laterRandom() < 0.6) days.push(addDays(input.today, -1 - Math.floor(laterRandom() * 330)));
      days.splice(0, days.length, ...days.filter((day) => day < input.today).sort());
    }
    for (const day of days) {
      const draw = day > '2020-12-31' && laterRandom ? laterRandom : random;
      const answers = items.map(() => {
        const roll = draw();
        const failP = quality < 0.1 ? 0.25 : quality < 0.3 ? 0.08 : 0.02;
        const partialP = quality < 0.3 ? 0.3 : 0.12;
        return roll < failP ? 'fail' : roll < failP + partialP ? 'partial' : roll < failP + partialP + 0.04 ? 'na' : 'pass';
      });
      const score = scoreInspection(
        answers.map((result, index) => {
          const item = items[index] as (typeof items)[number];
          return { result, isKey: item.isKey, passTenths: item.passTenths, partialTenths: item.partialTenths, failTenths: item.failTenths };
        }),
        rulesOf(day),
      );
      const pair = pairFor(shop.streetCode);
      planned.push({
        answers,
        needsOrder: score.needsRectification,
        row: {
          districtCode,
          entityId: shop.id,
          streetCode: shop.streetCode,
          templateId,
          kind: 'routine',
          inspectedOn: day,
          inspectorIds: pair,
          itemsInspected: score.grade.itemsInspected,
          scoreTenths: score.grade.scoreTenths,
          failedKeyItems: score.grade.failedKeyItems,
          dynamicGrade: score.grade.grade,
          outcome: score.outcome,
          inspectorSignature: '演示检查员',
          operatorSignature: '演示经营者',
          signedAt: chinaInstant(day, '16:00:00'),
        },
      });
    }
  }
  const ids: number[] = [];
  for (let start = 0; start < planned.length; start += 1000) {
    const rows = await ctx.db
      .insert(foodInspection)
      .values(planned.slice(start, start + 1000).map((plan) => plan.row))
      .returning({ id: foodInspection.id });
    ids.push(...rows.map((row) => row.id));
  }
  const answerRows = planned.flatMap((plan, index) =>
    plan.answers.map((result, position) => ({
      districtCode,
      inspectionId: ids[index] as number,
      itemId: (items[position] as (typeof items)[number]).id,
      result,
    })),
  );
  for (let start = 0; start < answerRows.length; start += 3000)
    await insertRows(ctx.db, foodInspectionAnswer, answerRows.slice(start, start + 3000));
  // Rectification orders: 14 days; closed by the shop's next inspection when there is one.
  const orders: (typeof rectificationOrder.$inferInsert)[] = [];
  planned.forEach((plan, index) => {
    if (!plan.needsOrder) return;
    const next = planned[index + 1];
    const closing = next && next.row.entityId === plan.row.entityId ? next : undefined;
    orders.push({
      districtCode,
      entityId: plan.row.entityId,
      streetCode: plan.row.streetCode,
      inspectionId: ids[index] as number,
      deadline: addDays(plan.row.inspectedOn, 14),
      requirements: '按检查记录表所列问题限期整改',
      closedOn: closing ? closing.row.inspectedOn : null,
      closedByInspectionId: closing ? (ids[index + 1] as number) : null,
      outcome: closing ? (closing.row.outcome === 'non-compliant' ? 'not-rectified' : 'rectified') : null,
    });
  });
  for (let start = 0; start < orders.length; start += 1000) await insertRows(ctx.db, rectificationOrder, orders.slice(start, start + 1000));
  // Grades with the pure rules, in bulk.
  const byShop = new Map<number, GradedInspection[]>();
  planned.forEach((plan, index) => {
    const list = byShop.get(plan.row.entityId) ?? [];
    list.push({
      id: ids[index] as number,
      inspectedOn: plan.row.inspectedOn,
      scoreTenths: plan.row.scoreTenths ?? null,
      failedKeyItems: plan.row.failedKeyItems ?? 0,
      dynamicGrade: plan.row.dynamicGrade ?? null,
      outcome: plan.row.outcome,
    });
    byShop.set(plan.row.entityId, list);
  });
  const rules = rulesOf(input.today);
  const grades: (typeof foodSafetyGrade.$inferInsert)[] = [];
  const history: (typeof foodSafetyGradeHistory.$inferInsert)[] = [];
  for (const shop of shops) {
    const grade = gradeEntity(
      { inspections: byShop.get(shop.id) ?? [], formats: [], incidentDates: [], ...gradingInputsOf(shop) },
      input.today,
      rules,
    );
    grades.push({ districtCode, entityId: shop.id, streetCode: shop.streetCode, ruleSetId: rules.id, ...grade });
    history.push({
      districtCode,
      entityId: shop.id,
      streetCode: shop.streetCode,
      changedOn: input.today,
      dynamicGrade: grade.dynamicGrade,
      annualGrade: grade.annualGrade,
      riskGrade: grade.riskGrade,
      nextDueOn: grade.nextDueOn,
      reason: '演示数据：按历次监督检查记录评定',
      reasonEn: 'demo data: graded from the inspection records',
    });
  }
  for (let start = 0; start < grades.length; start += 1000) {
    await insertRows(ctx.db, foodSafetyGrade, grades.slice(start, start + 1000));
    await insertRows(ctx.db, foodSafetyGradeHistory, history.slice(start, start + 1000));
  }
  // Shop uploads: a few waiting for review; two approved ones whose address differs from the registry (C3).
  const uploads: (typeof shopUpload.$inferInsert)[] = shops.slice(0, 24).map((shop, index) => ({
    districtCode,
    entityId: shop.id,
    streetCode: shop.streetCode,
    version: 1,
    status: index < 2 ? 'approved' : 'submitted',
    name: shop.name,
    address: index < 2 ? `${shop.address}（新址）` : shop.address,
    licenceNumber: shop.licences.find((licence) => licence.kind === 'food_business')?.number ?? null,
    openingHours: '10:00-21:00',
    seats: int(8, 120),
    kitchenAreaM2: String(int(8, 80)),
    personInCharge: '店长',
    supplySources: '区农副产品批发市场；定点供应商',
  }));
  if (uploads.length) await insertRows(ctx.db, shopUpload, uploads);
  await runFindings(ctx, { districtCode, entityIds: null, trigger: 'demo', day: input.today });
  return { inspections: planned.length, grades: grades.length, uploads: uploads.length };
}
