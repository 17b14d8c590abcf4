import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { addCalendarDays, addWorkingDays, type HolidayCalendar, isWorkingDay } from '../../../platform/calendar/working-days.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { addTimelineEvent, type BusinessCategory, type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { blindCodeFromBytes } from '../rules/blind-code.ts';
import { backupKeepUntil, handlingDue, reportDue, retestRequestDue, toLabDue } from '../rules/sample-deadlines.ts';
import { samplingRulesOn } from '../rules/sampling-rule-sets.ts';
import type { HandlingOutcome, SamplingLink } from '../sampling.schemas.ts';
import { failureHandling, sample, sampleResultItem } from '../sampling.tables.ts';
import type { DemoProduct } from './demo-catalogue.ts';

// What every demo plan shares (demo-industrial.ts, demo-food.ts, demo-later-years.ts): the planned sample, the
// seeded draws, and the insert that carries each sample through its steps.

const confirmers = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];

export interface PlannedSample {
  planId: number;
  entity: EntitySummary;
  field: 'food' | 'industrial';
  link: SamplingLink;
  product: DemoProduct;
  sampledOn: string;
  /** Index of the failing item, or null when the sample passes. */
  failItem: number | null;
  /** How far the sample got: finished and published, or a step of today's work in progress. */
  stage: 'published' | 'sampled' | 'sent' | 'received' | 'reported' | 'notified';
  outcome?: HandlingOutcome;
}

/** A plan as the demo makes it: the plan row and its targets by link and category (null: any). */
export interface DemoPlan {
  plan: { year: number; name: string; field: 'food' | 'industrial'; kind: 'routine' | 'campaign'; description: string };
  targets: { link: SamplingLink | null; category: string | null; targetBatches: number }[];
}

/** n positive counts summing to total, each ≥ 1, spread by the random source. */
export function spread(total: number, n: number, random: () => number): number[] {
  const counts = Array.from({ length: n }, () => 1);
  for (let left = total - n; left > 0; left--) {
    const index = Math.floor(random() * n);
    counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** A working day between two dates (inclusive), drawn at random. */
export function workingDayBetween(from: string, to: string, calendar: HolidayCalendar, random: () => number): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  for (;;) {
    const day = addCalendarDays(from, Math.floor(random() * (span + 1)));
    if (isWorkingDay(day, calendar)) return day;
  }
}

export function seedActor(districtCode: string): Actor {
  return {
    userId: 0,
    username: 'demo-seed',
    displayName: 'demo seed',
    districtCode,
    districtCodes: [districtCode],
    roles: ['admin'],
    orgUnitId: null,
    isDistrictWide: true,
    streetCodes: [],
    entityIds: [],
    labId: null,
  };
}

export async function entitiesOf(ctx: ActorContext, categories: BusinessCategory[]): Promise<EntitySummary[]> {
  const found: EntitySummary[] = [];
  for (const category of categories) found.push(...(await listEntitiesByCategory(ctx, category, { limit: 2000 })));
  return found;
}

/** A day of 2020's routine plans: a working day from 2 March to 20 November. */
export const sampledIn2020 = (calendar: HolidayCalendar, random: () => number): string =>
  workingDayBetween('2020-03-02', '2020-11-20', calendar, random);

export interface SampleInsertContext {
  districtCode: string;
  today: string;
  random: () => number;
  calendar: HolidayCalendar;
  labs: { id: number }[];
  samplerPool: number[];
}

/** Inserts planned samples with their results, failures' handling and timeline events; dates follow the rules' deadlines. */
export async function insertDemoSamples(ctx: ServiceContext, input: SampleInsertContext, planned: PlannedSample[]): Promise<void> {
  const { districtCode, today, random, calendar, labs, samplerPool } = input;
  const mainLab = labs[0] as { id: number };
  const twoSamplers = () => {
    const [first, second] = shuffle([...samplerPool], random);
    return [first as number, second as number];
  };
  // 500 samples a statement.
  const used = new Set<string>();
  const blindCode = () => {
    for (;;) {
      const code = blindCodeFromBytes(Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256)));
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  const min = (a: string, b: string) => (a < b ? a : b);
  const rows = planned.map((plan) => {
    const rules = samplingRulesOn(plan.sampledOn);
    const verdict = plan.failItem === null ? ('qualified' as const) : ('unqualified' as const);
    const order = ['sampled', 'sent', 'received', 'reported', 'notified', 'published'];
    const reached = (stage: PlannedSample['stage']) => order.indexOf(plan.stage) >= order.indexOf(stage);
    const sentOn = min(addWorkingDays(plan.sampledOn, 1 + Math.floor(random() * 3), calendar), today);
    const receivedOn = min(addWorkingDays(sentOn, 1, calendar), today);
    const reportedOn = min(addWorkingDays(receivedOn, 5 + Math.floor(random() * 12), calendar), today);
    const notifiedOn = min(addWorkingDays(reportedOn, 1 + Math.floor(random() * 3), calendar), today);
    const retestDue = verdict === 'unqualified' ? retestRequestDue(notifiedOn, calendar, rules) : null;
    const name = pick(plan.product.names, random);
    return {
      plan,
      verdict,
      notifiedOn,
      values: {
        districtCode,
        planId: plan.planId,
        blindCode: blindCode(),
        entityId: plan.entity.id,
        streetCode: plan.entity.streetCode,
        entityName: plan.entity.name,
        entityCreditCode: plan.entity.creditCode,
        entityAddress: plan.entity.address,
        field: plan.field,
        link: plan.link,
        category: plan.product.category,
        productType: plan.product.productType,
        productName: name,
        brand: plan.link === 'catering' ? '' : pick(['金龙', '海天', '恒顺', '光明', '甬派', '四明山', '东钱湖'], random),
        batchNo: plan.link === 'catering' ? '' : `${plan.sampledOn.replaceAll('-', '').slice(2)}${String(Math.floor(random() * 90) + 10)}`,
        productionDate: plan.link === 'catering' ? plan.sampledOn : addCalendarDays(plan.sampledOn, -(3 + Math.floor(random() * 60))),
        quantity: plan.field === 'industrial' ? '3组×10件' : '3份×500g',
        priceFen: 500 + Math.floor(random() * 9500),
        samplerIds: twoSamplers(),
        entityConfirmedBy: pick(confirmers, random),
        testMethod: 'lab' as const,
        testItems: plan.product.items.map((entry) => entry.name),
        sampledOn: plan.sampledOn,
        toLabDue: toLabDue(plan.sampledOn, calendar, rules),
        labId: reached('sent') ? (plan.field === 'industrial' ? ((labs[2] ?? mainLab) as { id: number }).id : mainLab.id) : null,
        sentOn: reached('sent') ? sentOn : null,
        receivedOn: reached('received') ? receivedOn : null,
        reportDue: reached('received') ? reportDue(receivedOn, calendar, rules) : null,
        reportedAt: reached('reported') ? chinaInstant(reportedOn, '10:00:00') : null,
        conclusion: reached('reported') ? verdict : null,
        notifiedOn: reached('notified') ? notifiedOn : null,
        retestDue: reached('notified') ? retestDue : null,
        backupKeepUntil: reached('notified') ? backupKeepUntil(notifiedOn, verdict, rules) : null,
        finalVerdict: reached('notified') ? verdict : null,
        publishedOn: plan.stage === 'published' ? addCalendarDays(retestDue ?? notifiedOn, 1) : null,
        status: (plan.stage === 'published' ? 'notified' : plan.stage) as 'notified',
      },
    };
  });
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const created = await ctx.db
      .insert(sample)
      .values(rows.slice(start, start + 500).map((row) => row.values))
      .returning({ id: sample.id });
    ids.push(...created.map((row) => row.id));
  }
  const items = rows.flatMap((row, index) =>
    row.values.conclusion === null
      ? []
      : row.plan.product.items.map((entry, itemIndex) => ({
          districtCode,
          sampleId: ids[index] as number,
          itemName: entry.name,
          measured: itemIndex === row.plan.failItem ? entry.fail : pick(entry.pass, random),
          unit: entry.unit,
          limitText: entry.limit,
          methodStandard: entry.standard,
          verdict: itemIndex === row.plan.failItem ? ('fail' as const) : ('pass' as const),
        })),
  );
  for (let start = 0; start < items.length; start += 1000) await ctx.db.insert(sampleResultItem).values(items.slice(start, start + 1000));
  for (const [index, row] of rows.entries()) {
    if (row.values.finalVerdict !== 'unqualified') continue;
    const sampleId = ids[index] as number;
    const rules = samplingRulesOn(row.values.sampledOn);
    const dueOn = handlingDue(row.notifiedOn, rules);
    const isClosed = row.plan.outcome !== undefined;
    await ctx.db.insert(failureHandling).values({
      districtCode,
      sampleId,
      entityId: row.values.entityId,
      streetCode: row.values.streetCode,
      openedOn: row.notifiedOn,
      dueOn,
      measures:
        row.plan.outcome === 'transferred_to_police' || row.plan.outcome === 'administrative_penalty'
          ? ['removal', 'recall', 'case']
          : ['removal', 'rectification'],
      status: isClosed ? 'closed' : 'open',
      outcome: row.plan.outcome ?? null,
      note: row.plan.outcome === 'transferred_to_police' ? '涉嫌在食品中添加非食用物质，移送公安机关' : '',
      closedOn: isClosed ? min(addCalendarDays(row.notifiedOn, 20 + Math.floor(random() * 40)), dueOn) : null,
    });
    await addTimelineEvent(ctx, {
      entityId: row.values.entityId,
      districtCode,
      kind: 'sampling.unqualified',
      at: chinaInstant(row.notifiedOn, '09:00:00'),
      title: { zh: `监督抽检不合格：${row.values.productName}`, en: `Sampling inspection unqualified: ${row.values.productName}` },
      refType: 'sample',
      refId: sampleId,
    });
  }
}
