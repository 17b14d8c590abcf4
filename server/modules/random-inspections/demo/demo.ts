import { and, asc, eq, sql } from 'drizzle-orm';
import { addDays } from '../../../../shared/calendar-day.ts';
import { createUser } from '../../../platform/accounts/accounts.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ActorContext, Clock, ServiceContext } from '../../../platform/http/context.ts';
import { orgUnit, stationStreet } from '../../../platform/org/org.tables.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import type { InspectionOutcome } from '../random-inspections.schemas.ts';
import { riDraw, riInspector, riPlan, riPlanMatter, riTask } from '../random-inspections.tables.ts';
import { commitDraw, executeDraw, publishDraw, seedDraw } from '../service/draws.ts';
import { createMatter, createPlan } from '../service/plans.ts';
import { applyTaskPublication, applyTaskResult, inspectorsOf, raiseOverdueAlerts } from '../service/tasks.ts';

const demoMatters = [
  { code: 'SJ-001', name: '营业执照（登记证）规范使用情况的检查', basis: '《市场主体登记管理条例》', matterType: 'general' as const },
  { code: 'SJ-002', name: '经营范围、住所（经营场所）的检查', basis: '《市场主体登记管理条例》', matterType: 'general' as const },
  { code: 'SJ-003', name: '年度报告公示信息的检查', basis: '《企业信息公示暂行条例》', matterType: 'general' as const },
  {
    code: 'SJ-101',
    name: '食品经营者经营条件及经营行为的检查',
    basis: '《中华人民共和国食品安全法》第三十三条、第五十四条',
    matterType: 'key' as const,
  },
  { code: 'SJ-102', name: '从业人员健康管理的检查', basis: '《中华人民共和国食品安全法》第四十五条', matterType: 'key' as const },
];

const strata = [
  { key: 'low', label: '信用风险低（A类）', creditClasses: ['A' as const], permille: 10 },
  { key: 'mid', label: '信用风险一般（B类）', creditClasses: ['B' as const], permille: 50 },
  { key: 'high', label: '信用风险较高、高（C、D类）', creditClasses: ['C' as const, 'D' as const], permille: 300 },
];

function clockAt(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/**
 * Demo data of 双随机、一公开 for an existing demo district: the inspector directory (certificates for the
 * inspector accounts, plus inspector accounts up to six), the checklist of matters, the 2020 yearly plan
 * with a completed draw (committed, seeded from announced public values, drawn, published), its results
 * recorded and published — a few late, one still unpublished and alerted — and the 2021 plan with its
 * draw committed and waiting for the seed. Deterministic given `random`.
 */
export async function seedRandomInspectionsDemo(
  base: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<{ inspectors: number; tasks2020: number; published: number; alerts: number; draw2021Id: number }> {
  const { districtCode, random } = input;
  const system = (iso: string): ActorContext => ({ ...base, clock: clockAt(iso), actor: systemActorFor(districtCode) });
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // Inspector directory: every inspector account gets an enforcement certificate; make up to six.
  const stations = await base.db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, districtCode), eq(orgUnit.kind, 'station')))
    .orderBy(asc(orgUnit.id));
  const inspectorsNow = () =>
    base.db
      .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName, orgUnitId: appUser.orgUnitId })
      .from(appUser)
      .where(and(eq(appUser.districtCode, districtCode), sql`'inspector' = any(${appUser.roles})`))
      .orderBy(asc(appUser.id));
  let inspectors = await inspectorsNow();
  for (let index = inspectors.length; index < 6; index++) {
    await createUser(base, {
      districtCode,
      username: `ri.inspector${String(index + 1).padStart(2, '0')}.${districtCode}`,
      displayName: `执法队员 ${index + 1}`,
      roles: ['inspector'],
      orgUnitId: stations.length ? (stations[index % stations.length] as { id: number }).id : null,
      passwordOverride: `Demo-Inspector-${districtCode}-${index + 1}!`,
    });
  }
  inspectors = await inspectorsNow();
  await base.db
    .insert(riInspector)
    .values(
      inspectors.map((user, index) => ({
        districtCode,
        userId: user.id,
        certificateNo: `ZJ${districtCode}${String(index + 1).padStart(4, '0')}`,
        validFrom: '2019-01-01',
        validUntil: index === inspectors.length - 1 ? '2020-12-31' : '2030-12-31',
        department: '区市场监管局',
      })),
    )
    .onConflictDoNothing();

  const matterIds: number[] = [];
  for (const matter of demoMatters)
    matterIds.push((await createMatter(system('2020-02-20T02:00:00Z'), { ...matter, department: '区市场监管局' })).id);

  // 2020: the yearly plan and its completed draw.
  const plan2020 = await createPlan(system('2020-02-24T02:00:00Z'), {
    code: '明州市监抽查〔2020〕1号',
    title: '2020年度餐饮服务单位"双随机、一公开"抽查',
    kind: 'yearly',
    year: 2020,
    periodStart: '2020-03-02',
    periodEnd: '2020-11-30',
    departments: ['区市场监管局', '区卫生健康局'],
    population: { category: 'catering' },
    strata,
    inspectorsPerTask: 2,
    matterIds,
  });
  const digits = () => Array.from({ length: 20 }, () => int(0, 9)).join('');
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[int(0, 15)]).join('');
  let draw = await commitDraw(system('2020-02-26T02:00:00Z'), plan2020.id, {
    inspectionDate: '2020-03-02',
    seedAnnouncement: 'drand quicknet 第 2000000 轮随机数 + 2020年2月28日公开会议上掷20枚十面骰子',
  });
  draw = await seedDraw(system('2020-02-28T03:00:00Z'), draw.id, {
    components: [
      { source: 'drand', value: `quicknet round 2000000 randomness ${hex()}` },
      { source: 'dice', value: digits() },
    ],
  });
  draw = await executeDraw(system('2020-02-28T03:10:00Z'), draw.id);
  draw = await publishDraw(system('2020-02-28T03:20:00Z'), draw.id);

  // Results: the first drawn inspector records them; most are published in time, a few late, one never.
  const { published, tasks } = await recordDemoResults(base, { districtCode, random, drawId: draw.id, inspectors, firstDay: '2020-03-09' });
  const alerts = await raiseOverdueAlerts(base.db, new Date(`${input.today}T00:00:00Z`));

  // 2021: the yearly plan, its draw committed and announced, ready for the seed.
  const plan2021 = await createPlan(system('2021-02-22T02:00:00Z'), {
    code: '明州市监抽查〔2021〕1号',
    title: '2021年度餐饮服务单位"双随机、一公开"抽查',
    kind: 'yearly',
    year: 2021,
    periodStart: '2021-03-01',
    periodEnd: '2021-11-30',
    departments: ['区市场监管局'],
    population: { category: 'catering' },
    strata,
    inspectorsPerTask: 2,
    matterIds,
  });
  const draw2021 = await commitDraw(system('2021-02-24T02:00:00Z'), plan2021.id, {
    inspectionDate: '2021-03-01',
    seedAnnouncement: 'drand quicknet 第 4800000 轮随机数 + 2021年3月1日公开会议上掷20枚十面骰子',
  });
  return { inspectors: inspectors.length, tasks2020: tasks, published, alerts, draw2021Id: draw2021.id };
}

type DemoInspector = { id: number; username: string; displayName: string; orgUnitId: number | null };

/**
 * Results of a published draw's tasks, recorded by the first drawn inspector over about 250 days from `firstDay`:
 * most published within a fortnight, a few late, the last never (its overdue alert shows it). With `until`, tasks
 * whose day has not come yet stay open.
 */
export async function recordDemoResults(
  base: ServiceContext,
  input: { districtCode: string; random: () => number; drawId: number; inspectors: DemoInspector[]; firstDay: string; until?: string },
): Promise<{ tasks: number; done: number; published: number }> {
  const { districtCode, random } = input;
  const system = (iso: string): ActorContext => ({ ...base, clock: clockAt(iso), actor: systemActorFor(districtCode) });
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const matterIds = (
    await base.db
      .select({ matterId: riPlanMatter.matterId })
      .from(riPlanMatter)
      .innerJoin(riDraw, and(eq(riDraw.districtCode, riPlanMatter.districtCode), eq(riDraw.planId, riPlanMatter.planId)))
      .where(and(eq(riPlanMatter.districtCode, districtCode), eq(riDraw.id, input.drawId)))
      .orderBy(asc(riPlanMatter.matterId))
  ).map((row) => row.matterId);
  const tasks = await base.db
    .select({ id: riTask.id, isUnstaffed: riTask.isUnstaffed })
    .from(riTask)
    .where(and(eq(riTask.districtCode, districtCode), eq(riTask.drawId, input.drawId)))
    .orderBy(asc(riTask.stratumKey), asc(riTask.position));
  const streetsOf = new Map<number, string[]>();
  for (const row of await base.db.select().from(stationStreet).where(eq(stationStreet.districtCode, districtCode))) {
    streetsOf.set(row.stationId, [...(streetsOf.get(row.stationId) ?? []), row.streetCode]);
  }
  const userById = new Map(input.inspectors.map((user) => [user.id, user]));
  const drawn = await inspectorsOf(
    base.db,
    districtCode,
    tasks.map((task) => task.id),
  );
  let published = 0;
  let done = 0;
  for (const [index, task] of tasks.entries()) {
    const firstUserId = drawn.get(task.id)?.[0]?.userId;
    const user = firstUserId === undefined ? undefined : userById.get(firstUserId);
    const inspectedOn = addDays(input.firstDay, Math.floor((index * 250) / Math.max(tasks.length, 1)) + int(0, 6));
    const actor: Actor = user
      ? {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          districtCode,
          districtCodes: [districtCode],
          roles: ['inspector'],
          orgUnitId: user.orgUnitId,
          isDistrictWide: false,
          streetCodes: streetsOf.get(user.orgUnitId ?? -1) ?? [],
          entityIds: [],
          labId: null,
        }
      : systemActorFor(districtCode);
    const roll = random();
    const outcomeFor = (): InspectionOutcome =>
      roll < 0.02 ? 'not_found_at_address' : roll < 0.1 && random() < 0.5 ? 'problem_handled' : 'no_problem';
    const results = matterIds.map((matterId) => ({ matterId, outcome: outcomeFor(), note: '' }));
    const hasProblem = results.some((item) => item.outcome === 'problem_handled');
    if (input.until !== undefined && inspectedOn >= input.until) continue;
    await applyTaskResult({ ...base, clock: clockAt(`${inspectedOn}T09:00:00Z`), actor }, task.id, {
      inspectedOn,
      results,
      followUpType: hasProblem ? 'rectification' : 'none',
      followUpNote: hasProblem ? '现场责令整改，限期7日' : '',
    });
    done += 1;
    if (index === tasks.length - 1) continue; // never published: the overdue alert shows it
    const lag = index % 17 === 5 ? int(30, 40) : int(3, 15); // a few published after the 20-working-day limit
    const publishedOn = addDays(inspectedOn, lag);
    if (input.until !== undefined && publishedOn >= input.until) continue;
    await applyTaskPublication(system(`${publishedOn}T02:00:00Z`), task.id);
    published += 1;
  }
  return { tasks: tasks.length, done, published };
}

/**
 * The yearly plans after 2020 (runs after `seedRandomInspectionsDemo`): the 2021 draw seeded, drawn and published
 * once its day has passed, and a plan for every later year up to `today` with its draw committed on 24 February
 * and seeded from public values on 28 February; results recorded and published through the year, so the year of
 * `today` has tasks done, tasks waiting and alerts for late publication. Deterministic given `random`.
 */
export async function seedRandomInspectionsLaterYears(
  base: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<{ plans: number; tasks: number; done: number; alerts: number }> {
  const { districtCode, random, today } = input;
  const system = (iso: string): ActorContext => ({ ...base, clock: clockAt(iso), actor: systemActorFor(districtCode) });
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const digits = () => Array.from({ length: 20 }, () => int(0, 9)).join('');
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[int(0, 15)]).join('');
  const inspectors = await base.db
    .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName, orgUnitId: appUser.orgUnitId })
    .from(appUser)
    .where(and(eq(appUser.districtCode, districtCode), sql`'inspector' = any(${appUser.roles})`))
    .orderBy(asc(appUser.id));
  const [plan2021] = await base.db
    .select({ id: riPlan.id })
    .from(riPlan)
    .where(and(eq(riPlan.districtCode, districtCode), eq(riPlan.year, 2021), eq(riPlan.kind, 'yearly')));
  if (!plan2021) return { plans: 0, tasks: 0, done: 0, alerts: 0 };
  const matterIds = (
    await base.db
      .select({ matterId: riPlanMatter.matterId })
      .from(riPlanMatter)
      .where(and(eq(riPlanMatter.districtCode, districtCode), eq(riPlanMatter.planId, plan2021.id)))
      .orderBy(asc(riPlanMatter.matterId))
  ).map((row) => row.matterId);
  const lastYear = Number(today.slice(0, 4));
  let plans = 0;
  let tasks = 0;
  let done = 0;
  for (let year = 2021; year <= lastYear; year++) {
    if (`${year}-03-01` > today) break;
    let planId = plan2021.id;
    if (year > 2021) {
      const plan = await createPlan(system(`${year}-02-22T02:00:00Z`), {
        code: `明州市监抽查〔${year}〕1号`,
        title: `${year}年度餐饮服务单位"双随机、一公开"抽查`,
        kind: 'yearly',
        year,
        periodStart: `${year}-03-01`,
        periodEnd: `${year}-11-30`,
        departments: ['区市场监管局'],
        population: { category: 'catering' },
        strata,
        inspectorsPerTask: 2,
        matterIds,
      });
      planId = plan.id;
      await commitDraw(system(`${year}-02-24T02:00:00Z`), planId, {
        inspectionDate: `${year}-03-01`,
        seedAnnouncement: `drand quicknet 随机数 + ${year}年2月28日公开会议上掷20枚十面骰子`,
      });
    }
    plans += 1;
    const [committed] = await base.db
      .select({ id: riDraw.id })
      .from(riDraw)
      .where(and(eq(riDraw.districtCode, districtCode), eq(riDraw.planId, planId), eq(riDraw.status, 'committed')));
    if (!committed) continue;
    const round = 2_000_000 + (year - 2020) * 2_800_000;
    await seedDraw(system(`${year}-02-28T03:00:00Z`), committed.id, {
      components: [
        { source: 'drand', value: `quicknet round ${round} randomness ${hex()}` },
        { source: 'dice', value: digits() },
      ],
    });
    await executeDraw(system(`${year}-02-28T03:10:00Z`), committed.id);
    await publishDraw(system(`${year}-02-28T03:20:00Z`), committed.id);
    const recorded = await recordDemoResults(base, {
      districtCode,
      random,
      drawId: committed.id,
      inspectors,
      firstDay: `${year}-03-08`,
      until: today,
    });
    tasks += recorded.tasks;
    done += recorded.done;
  }
  const alerts = await raiseOverdueAlerts(base.db, new Date(`${today}T00:00:00Z`));
  return { plans, tasks, done, alerts };
}
