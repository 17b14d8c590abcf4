import { addMonths } from '../../../../shared/calendar-day.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entitiesWithLicences, entityPublicProfiles } from '../../registry/index.ts';
import { defaultReviewDue } from '../rules/emergency-plan.ts';
import type { EquipmentKind, InspectionResult } from '../rules/equipment-kinds.ts';
import { recheckDue } from '../rules/hazard-deadlines.ts';
import { cycleMonths, firstDue, nextDueAfter } from '../rules/inspection-cycle.ts';
import {
  seDrill,
  seEmergencyPlan,
  seEquipment,
  seHazard,
  seInspection,
  seMaintenance,
  seOperator,
  seStatusChange,
} from '../special-equipment.tables.ts';

/** The demo's 2020 register: about 4,000 pieces for the 300 users (issue #19), all in date on 2020-12-31 (定检率 100%). */
export const demoEquipment2020 = 4000;
/** The two drills of the 2020 work summary. */
export const demoDrills2020 = [
  {
    scenario: '压力管道泄漏事故应急演练',
    heldOn: '2020-06-18',
    participants: 86,
    lessons: '关阀隔离用时 6 分钟，下游用户通知链需补充夜间联系人',
  },
  {
    scenario: '危化品槽罐车侧翻事故应急演练',
    heldOn: '2020-11-12',
    participants: 120,
    lessons: '消防、交警、市场监管三方协同顺畅；堵漏器材需前置到辖区站点',
  },
] as const;

const kindCodes: Record<EquipmentKind, string> = {
  elevator: '3110',
  boiler: '1100',
  pressure_vessel: '2100',
  gas_cylinder: '2300',
  pressure_pipeline: '8000',
  lifting_machinery: '4100',
  in_plant_vehicle: '5100',
  passenger_ropeway: '9100',
  amusement_ride: '6100',
};
const certificatePrefix: Record<EquipmentKind, string> = {
  elevator: '梯',
  boiler: '锅',
  pressure_vessel: '容',
  gas_cylinder: '瓶',
  pressure_pipeline: '管',
  lifting_machinery: '起',
  in_plant_vehicle: '车',
  passenger_ropeway: '索',
  amusement_ride: '游',
};
/** What a user keeps, by the kind of business (a housing estate, a hotel, a factory, a hospital, a park). */
const profiles: { weight: number; kinds: [EquipmentKind, number][] }[] = [
  {
    weight: 40,
    kinds: [
      ['elevator', 95],
      ['boiler', 5],
    ],
  },
  {
    weight: 20,
    kinds: [
      ['elevator', 60],
      ['boiler', 20],
      ['pressure_vessel', 20],
    ],
  },
  {
    weight: 25,
    kinds: [
      ['lifting_machinery', 35],
      ['pressure_vessel', 30],
      ['in_plant_vehicle', 20],
      ['pressure_pipeline', 10],
      ['gas_cylinder', 5],
    ],
  },
  {
    weight: 13,
    kinds: [
      ['elevator', 50],
      ['pressure_vessel', 35],
      ['boiler', 10],
      ['pressure_pipeline', 5],
    ],
  },
  {
    weight: 2,
    kinds: [
      ['amusement_ride', 85],
      ['passenger_ropeway', 15],
    ],
  },
];
const makers = [
  '日立电梯（中国）有限公司',
  '奥的斯电梯（中国）有限公司',
  '杭州西奥电梯有限公司',
  '浙江特富发展股份有限公司',
  '宁波天安（集团）股份有限公司',
  '杭州锅炉集团股份有限公司',
  '卫华集团有限公司',
  '杭叉集团股份有限公司',
];
const installers = ['宁波市特种设备安装工程有限公司', '浙江新大地电梯工程有限公司', '宁波安装工程有限公司'];
const maintainers = ['宁波恒达电梯工程有限公司', '宁波市迅达电梯维保有限公司', '浙江梯安机电工程有限公司', '宁波通力电梯服务有限公司'];
const bodies = ['宁波市特种设备检验研究院', '浙江省特种设备科学研究院宁波分院'];
const surnames = '王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国海峰志斌辉'.split('');
const hazardTexts: { description: string; legalBasis: string; severity: 'general' | 'serious' }[] = [
  { description: '电梯轿厢应急照明失效', legalBasis: 'TSG T7001 附件A 8.2', severity: 'general' },
  { description: '电梯层门门锁啮合长度不足 7mm', legalBasis: 'TSG T7001 附件A 6.9', severity: 'serious' },
  { description: '电梯维保记录缺失，超过15日未维保', legalBasis: '《特种设备安全监察条例》第三十一条', severity: 'general' },
  { description: '压力容器安全阀超期未校验', legalBasis: '《特种设备安全法》第三十九条', severity: 'serious' },
  { description: '锅炉水位表看不清最低、最高安全水位标志', legalBasis: 'TSG 11 锅炉安全技术规程 6.2', severity: 'general' },
  { description: '起重机械限位器失效', legalBasis: 'TSG Q7015 附件', severity: 'serious' },
  { description: '叉车作业人员无证上岗', legalBasis: '《特种设备安全法》第十四条', severity: 'serious' },
  { description: '使用登记标志未置于显著位置', legalBasis: '《特种设备安全法》第三十三条', severity: 'general' },
];
const experts = ['特检院 陈工', '特检院 周工', '第三方专家 林高工', '第三方专家 郑高工'];

interface Random {
  float: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
}
const fromFloat = (float: () => number): Random => ({
  float,
  int: (min, max) => min + Math.floor(float() * (max - min + 1)),
  pick: (items) => items[Math.floor(float() * items.length)] as (typeof items)[number],
});
const weighted = <T>(random: Random, items: readonly [T, number][]): T => {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.float() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
};
const dayBetween = (random: Random, from: string, to: string): string => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000));
  return addCalendarDays(from, random.int(0, span));
};
const maxDay = (a: string, b: string) => (a > b ? a : b);

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 1000) await insert(rows.slice(start, start + 1000));
}

/**
 * The demo district's special equipment, deterministic for one seed and one `today`: the 2020 register of 4,000 pieces
 * for the special-equipment users, every one inspected on time through 2020 (定检率 exactly 100% on 2020-12-31), the
 * years after with new equipment, a few scrapped, some inspections missed lately (the overdue list) and one fail in a
 * hundred; half a year of elevator maintenance; the experts' hazards through the loop; operators and their
 * certificates; the two drills of 2020 and a few each year after.
 */
export async function seedSpecialEquipmentDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const random = fromFloat(input.random);
  const { districtCode, today } = input;
  const users = (await entitiesWithLicences(ctx, districtCode, { category: 'special_equipment_user' }))
    .filter((user) => user.status === 'active')
    .sort((a, b) => a.id - b.id);
  if (users.length === 0) return;
  const places = new Map(
    (await entityPublicProfiles(ctx, districtCode, { entityIds: users.map((user) => user.id) })).map((p) => [p.id, p]),
  );
  const calendar = await loadHolidayCalendar(ctx.db, districtCode);
  const serials = new Map<string, number>();
  const nextSerial = (key: string) => {
    const value = (serials.get(key) ?? 0) + 1;
    serials.set(key, value);
    return value;
  };

  // 1. The register: 4,000 pieces in use at the end of 2020 among the users founded by then, then the later years.
  const earlyUsers = users.filter((user) => user.foundedOn <= '2020-10-31');
  const profileOf = new Map(
    users.map((user) => [
      user.id,
      weighted(
        random,
        profiles.map((profile) => [profile, profile.weight] as [typeof profile, number]),
      ),
    ]),
  );
  type Planned = typeof seEquipment.$inferInsert & { kind: EquipmentKind; firstUsedOn: string };
  const planned: Planned[] = [];
  const plan = (user: (typeof users)[number], from: string, to: string, status: 'in_use' | 'scrapped' = 'in_use', scrappedOn?: string) => {
    const kind = weighted(random, (profileOf.get(user.id) as (typeof profiles)[number]).kinds);
    const firstUsedOn = dayBetween(random, maxDay(from, addCalendarDays(user.foundedOn, 30)), to);
    const year = firstUsedOn.slice(0, 4);
    const serial = nextSerial(`${kind}:${year}`);
    const lateRegistration =
      firstUsedOn > '2020-12-31' && addCalendarDays(firstUsedOn, 30) >= today ? random.float() < 0.5 : random.float() < 0.01;
    const registeredDay = lateRegistration ? null : addCalendarDays(firstUsedOn, random.int(-10, 25));
    const registeredOn = registeredDay !== null && registeredDay <= today ? registeredDay : null;
    const place = places.get(user.id);
    planned.push({
      districtCode,
      entityId: user.id,
      streetCode: user.streetCode,
      kind,
      registrationCode: `${kindCodes[kind]}${districtCode}${year}${String(serial).padStart(4, '0')}`,
      useCertificateNumber: registeredOn ? `${certificatePrefix[kind]}11浙B${String(serial).padStart(5, '0')}(${year.slice(2)})` : null,
      firstUsedOn,
      registeredOn,
      firstDueOn: firstDue(kind, firstUsedOn),
      address: user.address,
      latitude: place?.lat != null ? Math.round((place.lat + (random.float() - 0.5) * 0.002) * 1e6) / 1e6 : null,
      longitude: place?.lng != null ? Math.round((place.lng + (random.float() - 0.5) * 0.002) * 1e6) / 1e6 : null,
      maker: random.pick(makers),
      installer: random.pick(installers),
      maintenanceUnit: kind === 'elevator' ? random.pick(maintainers) : '',
      status,
      statusSince: status === 'scrapped' ? (scrappedOn as string) : firstUsedOn,
    });
  };
  for (let index = 0; index < demoEquipment2020; index++) {
    const user = earlyUsers[index % earlyUsers.length] ?? (users[0] as (typeof users)[number]);
    plan(user, random.float() < 0.7 ? '2012-01-01' : '2005-01-01', '2020-12-31');
  }
  // Registration in time for every piece of 2020 except the 1% left late (they were registered, late, before 2020 ended).
  for (const piece of planned)
    if (piece.registeredOn === null) {
      piece.registeredOn = addCalendarDays(piece.firstUsedOn, random.int(31, 60));
      piece.useCertificateNumber = `${certificatePrefix[piece.kind]}11浙B${piece.registrationCode.slice(-5)}(${piece.firstUsedOn.slice(2, 4)})`;
      if (piece.registeredOn > '2020-12-31') piece.registeredOn = '2020-12-31';
    }
  const endOf2020 = planned.length;
  for (let year = 2021; `${year}-01-01` <= today; year++) {
    const last = `${year}-12-31` < today ? `${year}-12-31` : today;
    for (let index = 0; index < 240; index++) plan(random.pick(users), `${year}-01-01`, last);
    // About 1.5% of the pieces in use are scrapped each year (never one of 2020's before 2021).
    for (let index = 0; index < 60; index++) {
      const piece = planned[random.int(0, endOf2020 - 1)] as Planned;
      if (piece.status === 'in_use') {
        piece.status = random.float() < 0.8 ? 'scrapped' : 'stopped';
        piece.statusSince = dayBetween(random, `${year}-01-01`, last);
      }
    }
  }
  const ids: number[] = [];
  await insertAll(planned, async (batch) => {
    const rows = await ctx.db.insert(seEquipment).values(batch).returning({ id: seEquipment.id });
    ids.push(...rows.map((row) => row.id));
  });
  // The status history: in use from first use, then the stop or scrapping with its reason.
  const statusRows: (typeof seStatusChange.$inferInsert)[] = planned.flatMap((piece, index) => {
    const equipmentId = ids[index] as number;
    const start = { districtCode, equipmentId, status: 'in_use' as const, since: piece.firstUsedOn, reason: '投入使用' };
    if (piece.status === 'in_use' || piece.status === undefined) return [start];
    const reason = piece.status === 'scrapped' ? '达到设计使用年限，报废并办理注销' : '停止使用一年以上，办理停用报告';
    return [start, { districtCode, equipmentId, status: piece.status, since: piece.statusSince as string, reason }];
  });
  await insertAll(statusRows, (batch) => ctx.db.insert(seStatusChange).values(batch));

  // 2. Periodic inspections: on time (up to 25 days early) through 2020; later, one in a hundred fails and is re-inspected,
  // and a few due in the last three months are not yet done (the overdue list).
  const inspections: (typeof seInspection.$inferInsert)[] = [];
  planned.forEach((piece, index) => {
    const equipmentId = ids[index] as number;
    const stopAt = piece.status === 'in_use' ? today : (piece.statusSince as string);
    let due = piece.firstDueOn as string;
    for (;;) {
      const inspectedOn = addCalendarDays(due, -random.int(0, 25));
      if (inspectedOn > stopAt || inspectedOn > today) break;
      if (due > '2020-12-31' && addMonths(today, -3) < due && random.float() < 0.04) break;
      const fails = inspectedOn > '2020-12-31' && random.float() < 0.01;
      const result: InspectionResult = fails ? 'fail' : random.float() < 0.08 ? 'pass_after_rectification' : 'pass';
      const year = inspectedOn.slice(0, 4);
      inspections.push({
        districtCode,
        equipmentId,
        inspectedOn,
        result,
        inspectionBody: random.pick(bodies),
        reportNumber: `JY${year}-${String(nextSerial(`report:${year}`)).padStart(6, '0')}`,
        nextDueOn: nextDueAfter(piece.kind, inspectedOn, result),
        note: result === 'pass_after_rectification' ? '现场问题已整改，复检合格' : '',
      });
      if (fails) {
        const again = addCalendarDays(inspectedOn, random.int(5, 20));
        if (again > today) break;
        inspections.push({
          districtCode,
          equipmentId,
          inspectedOn: again,
          result: 'pass_after_rectification',
          inspectionBody: random.pick(bodies),
          reportNumber: `JY${again.slice(0, 4)}-${String(nextSerial(`report:${again.slice(0, 4)}`)).padStart(6, '0')}`,
          nextDueOn: nextDueAfter(piece.kind, again, 'pass_after_rectification'),
          note: '不合格项整改后复检合格',
        });
        due = addMonths(again, cycleMonths(piece.kind, again));
      } else due = addMonths(inspectedOn, cycleMonths(piece.kind, inspectedOn));
    }
  });
  await insertAll(inspections, (batch) => ctx.db.insert(seInspection).values(batch));

  // 3. Elevator maintenance for the last half year, every 12–15 days; one elevator in forty has missed its latest.
  const maintenance: (typeof seMaintenance.$inferInsert)[] = [];
  planned.forEach((piece, index) => {
    if (piece.kind !== 'elevator' || piece.status !== 'in_use') return;
    const misses = random.float() < 0.025;
    let day = maxDay(addMonths(today, -6), piece.firstUsedOn);
    for (;;) {
      day = addCalendarDays(day, random.int(12, 15));
      if (day > today || (misses && day > addCalendarDays(today, -20))) break;
      maintenance.push({
        districtCode,
        equipmentId: ids[index] as number,
        maintainedOn: day,
        maintainer: piece.maintenanceUnit || random.pick(maintainers),
        note: '',
      });
    }
  });
  await insertAll(maintenance, (batch) => ctx.db.insert(seMaintenance).values(batch));

  // 4. Hazards: 2020's 126 all closed ("experts find hazards, enforcement drives rectification"); each year after about
  // 100, the latest still open at every step, some late.
  const hazards: (typeof seHazard.$inferInsert)[] = [];
  const hazardOn = (foundOn: string, isRecent: boolean): boolean => {
    const index = random.int(0, planned.length - 1);
    const piece = planned[index] as Planned;
    if (piece.firstUsedOn > foundOn || (piece.status !== 'in_use' && (piece.statusSince as string) <= foundOn)) return false;
    const text = random.pick(hazardTexts);
    const orderedOn = addCalendarDays(foundOn, random.int(1, 5));
    const deadline = addCalendarDays(orderedOn, text.severity === 'serious' ? 15 : 30);
    const reportedOn = addCalendarDays(orderedOn, random.int(5, 25));
    const closedOn = addCalendarDays(reportedOn, random.int(2, 9));
    const stage =
      !isRecent || closedOn < addCalendarDays(today, -20)
        ? 'closed'
        : weighted(random, [
            ['found', 1],
            ['ordered', 3],
            ['reported', 2],
            ['closed', 4],
          ] as ['found' | 'ordered' | 'reported' | 'closed', number][]);
    const cap = (day: string) => (day > today ? today : day);
    hazards.push({
      districtCode,
      equipmentId: ids[index] as number,
      entityId: piece.entityId,
      streetCode: piece.streetCode,
      foundOn,
      severity: text.severity,
      description: text.description,
      legalBasis: text.legalBasis,
      expert: random.pick(experts),
      status: stage,
      orderedOn: stage === 'found' ? null : cap(orderedOn),
      deadline: stage === 'found' ? null : deadline,
      rectification: stage === 'reported' || stage === 'closed' ? '已更换/修复并提交整改照片与维保记录' : null,
      reportedOn: stage === 'reported' || stage === 'closed' ? cap(reportedOn) : null,
      recheckDue: stage === 'reported' || stage === 'closed' ? recheckDue(cap(reportedOn), calendar) : null,
      closedOn: stage === 'closed' ? cap(closedOn) : null,
      recheckNote: stage === 'closed' ? '复查合格，予以销号' : null,
    });
    return true;
  };
  for (let found = 0; found < 126; ) if (hazardOn(dayBetween(random, '2020-02-01', '2020-11-15'), false)) found += 1;
  for (let year = 2021; `${year}-01-01` <= today; year++) {
    const last = `${year}-12-31` < today ? `${year}-12-31` : today;
    for (let index = 0; index < 100; index++) {
      const foundOn = dayBetween(random, `${year}-01-01`, last);
      hazardOn(foundOn, foundOn > addMonths(today, -2));
    }
  }
  await insertAll(hazards, (batch) => ctx.db.insert(seHazard).values(batch));

  // 5. Operators: 1–6 per user; certificates four years long, a few lapsed lately, a few new hires without one yet.
  const operators: (typeof seOperator.$inferInsert)[] = [];
  for (const user of users) {
    const profile = profileOf.get(user.id) as (typeof profiles)[number];
    const items = profile.kinds.map(([kind]) => kind);
    for (let count = random.int(1, 6); count > 0; count--) {
      const kind = random.pick(items);
      const onDutyFrom = dayBetween(random, maxDay('2014-01-01', user.foundedOn), today);
      const lapsed = onDutyFrom > '2020-12-31' && random.float() < 0.03;
      let validUntil = addMonths(onDutyFrom, 48);
      while (validUntil < today) validUntil = addMonths(validUntil, 48); // renewed on time
      operators.push({
        districtCode,
        entityId: user.id,
        streetCode: user.streetCode,
        holderName: `${random.pick(surnames)}${random.pick(given)}${random.float() < 0.5 ? random.pick(given) : ''}`,
        workItem: {
          elevator: '电梯安全管理 A',
          boiler: '工业锅炉司炉 G1',
          pressure_vessel: '快开门式压力容器操作 R1',
          gas_cylinder: '气瓶充装 P',
          pressure_pipeline: '压力管道安全管理 A',
          lifting_machinery: '起重机司机 Q2',
          in_plant_vehicle: '叉车司机 N1',
          passenger_ropeway: '客运索道司机 S1',
          amusement_ride: '大型游乐设施操作 Y1',
        }[kind],
        certificateNumber: lapsed && random.float() < 0.5 ? null : `330${String(nextSerial('certificate')).padStart(9, '0')}`,
        validUntil: lapsed ? addCalendarDays(today, -random.int(1, 60)) : validUntil,
        onDutyFrom,
      });
      const added = operators[operators.length - 1] as (typeof operators)[number];
      if (added.certificateNumber === null) added.validUntil = null;
    }
  }
  await insertAll(operators, (batch) => ctx.db.insert(seOperator).values(batch));

  // 6. Emergency plans (no randomness, so the drills below draw the same numbers as before): the district's plan, which
  // the two 2020 drills exercised, and a plan for every fifth user, approved 60 days after it was founded (at the
  // earliest in 2018), reviewed three years on.
  const [districtPlan] = await ctx.db
    .insert(seEmergencyPlan)
    .values({
      districtCode,
      title: '明州区特种设备事故应急预案',
      scenarios: '压力管道泄漏、危化品槽罐车侧翻、电梯困人、锅炉爆炸、起重机械倾覆',
      approvedOn: '2019-05-20',
      reviewDue: defaultReviewDue('2019-05-20'),
    })
    .returning({ id: seEmergencyPlan.id });
  const planOfUser = new Map<number, { id: number; approvedOn: string }>();
  const userPlans = users
    .filter((_, index) => index % 5 === 0)
    .map((user) => {
      const approvedOn = maxDay('2018-03-01', addCalendarDays(user.foundedOn, 60));
      return { user, approvedOn };
    })
    .filter(({ approvedOn }) => approvedOn <= today);
  await insertAll(userPlans, async (batch) => {
    const rows = await ctx.db
      .insert(seEmergencyPlan)
      .values(
        batch.map(({ user, approvedOn }) => ({
          districtCode,
          entityId: user.id,
          streetCode: user.streetCode,
          title: `${user.name}特种设备事故应急专项预案`,
          scenarios: '电梯困人、压力容器泄漏',
          approvedOn,
          reviewDue: defaultReviewDue(approvedOn),
        })),
      )
      .returning({ id: seEmergencyPlan.id, entityId: seEmergencyPlan.entityId, approvedOn: seEmergencyPlan.approvedOn });
    for (const row of rows) planOfUser.set(row.entityId as number, { id: row.id, approvedOn: row.approvedOn });
  });

  // 7. Drills: the two district drills of 2020, then two district drills and a few users' drills each year.
  const drills: (typeof seDrill.$inferInsert)[] = demoDrills2020.map((drill) => ({
    districtCode,
    ...drill,
    planId: districtPlan?.id ?? null,
  }));
  const scenarios = [
    '电梯困人应急救援演练',
    '锅炉超压应急演练',
    '液氯储罐泄漏应急演练',
    '起重机械倾覆应急演练',
    '大型游乐设施停机疏散演练',
  ];
  for (let year = 2021; `${year}-01-01` <= today; year++) {
    const last = `${year}-12-31` < today ? `${year}-12-31` : today;
    for (let index = 0; index < 2; index++)
      drills.push({
        districtCode,
        scenario: random.pick(scenarios),
        heldOn: dayBetween(random, `${year}-03-01`, last),
        participants: random.int(40, 150),
        lessons: '',
        planId: districtPlan?.id ?? null,
      });
    for (let index = 0; index < 6; index++) {
      const user = random.pick(users);
      drills.push({
        districtCode,
        entityId: user.id,
        streetCode: user.streetCode,
        scenario: random.pick(scenarios),
        heldOn: dayBetween(random, `${year}-01-01`, last),
        participants: random.int(8, 40),
        lessons: '',
      });
      const drill = drills[drills.length - 1] as (typeof drills)[number];
      const userPlan = planOfUser.get(user.id);
      if (userPlan && (drill.heldOn as string) >= userPlan.approvedOn) drill.planId = userPlan.id;
    }
  }
  await insertAll(drills, (batch) => ctx.db.insert(seDrill).values(batch));
}
