import { eq } from 'drizzle-orm';
import { parseYuan } from '../../../../shared/money.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import { type BusinessCategory, type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import type { ViolationType } from '../enforcement.schemas.ts';
import { casePenalty, caseStep, enforcementCase } from '../enforcement.tables.ts';
import { type CaseSource, decisionDue, filingDue } from '../rules/case-procedure.ts';
import { defaultMajorCaseCriteria } from '../rules/major-case.ts';
import { publicationDue } from '../rules/penalty-publication.ts';

export interface EnforcementDemoInput {
  districtCode: string;
  /** Uniform in [0, 1): the demo's seeded generator, so the same seed gives the same cases. */
  random: () => number;
  /** The demo's "today" (China time); open cases are placed just before it. */
  today: string;
  /** Figures of the closed cases of the year; defaults are the 2020 work summary's. */
  year?: number;
  closedCases?: number;
  majorCases?: number;
  totalAmountYuan?: string;
  majorAmountYuan?: string;
  /** Cases still open around `today`, to fill the handlers' queues. */
  openCases?: number;
  /**
   * Failed samples of the year handed to enforcement (sampling's `samplingReferrals`): each becomes one of the closed
   * cases, transferred to the police or penalised, so the two modules count the same transfers and penalties. Without
   * them the year has no transfers to the police.
   */
  referrals?: readonly DemoReferral[];
}

/** A business a failed sample sent to enforcement, as sampling reports it. */
export interface DemoReferral {
  entityId: number;
  entityName: string;
  streetCode: string;
  blindCode: string;
  outcome: 'administrative_penalty' | 'transferred_to_police';
  /** The day sampling's handling closed with this outcome: the case's transfer to the police is dated the same day. */
  closedOn: string;
}

/** The 2020 work summary: 365 cases closed, 77 major, 827.73万元 fines and confiscations, 664.93万元 in major cases. */
export const workSummary2020Cases = {
  year: 2020,
  closedCases: 365,
  majorCases: 77,
  totalAmountYuan: '8277300.00',
  majorAmountYuan: '6649300.00',
};

/**
 * Splits `totalUnits` into `count` parts, each within [minUnits, maxUnits], at random but exactly: the
 * parts always add up to the total. Throws when the bounds make that impossible.
 */
export function splitExactly(totalUnits: number, count: number, minUnits: number, maxUnits: number, random: () => number): number[] {
  if (count === 0) {
    if (totalUnits !== 0) throw new RangeError('nothing to split into');
    return [];
  }
  if (totalUnits < count * minUnits || totalUnits > count * maxUnits)
    throw new RangeError(`cannot split ${totalUnits} into ${count} parts in [${minUnits}, ${maxUnits}]`);
  const parts = new Array<number>(count).fill(minUnits);
  let remaining = totalUnits - count * minUnits;
  // Skewed weights: a few large cases, many small ones, as in real case loads.
  const weights = parts.map(() => random() ** 3 + 0.02);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  for (let index = 0; index < count && remaining > 0; index++) {
    const share = Math.min(
      maxUnits - minUnits,
      Math.floor(((totalUnits - count * minUnits) * (weights[index] as number)) / weightSum),
      remaining,
    );
    parts[index] = (parts[index] as number) + share;
    remaining -= share;
  }
  for (let index = 0; remaining > 0; index = (index + 1) % count) {
    const room = maxUnits - (parts[index] as number);
    const add = Math.min(room, remaining, 1 + Math.floor(random() * 50));
    parts[index] = (parts[index] as number) + add;
    remaining -= add;
  }
  return parts;
}

const violationWeights: [ViolationType, number][] = [
  ['food_safety', 30],
  ['product_quality', 12],
  ['price', 8],
  ['advertising', 10],
  ['drugs', 6],
  ['special_equipment', 6],
  ['consumer_rights', 10],
  ['trademark_ip', 6],
  ['unfair_competition', 3],
  ['personal_information', 3],
  ['licensing', 4],
  ['metrology', 2],
];
/** The article each demo decision applies, by the kind of violation (the law in force in 2020). */
const demoLegalBasis: Record<ViolationType, string> = {
  food_safety: '《中华人民共和国食品安全法》第一百二十四条第一款',
  drugs: '《中华人民共和国药品管理法》第一百一十七条第一款',
  product_quality: '《中华人民共和国产品质量法》第四十九条',
  special_equipment: '《中华人民共和国特种设备安全法》第八十四条',
  price: '《中华人民共和国价格法》第四十条第一款',
  advertising: '《中华人民共和国广告法》第五十五条第一款',
  unfair_competition: '《中华人民共和国反不正当竞争法》第二十条第一款',
  trademark_ip: '《中华人民共和国商标法》第六十条第二款',
  consumer_rights: '《中华人民共和国消费者权益保护法》第五十六条第一款',
  personal_information: '《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项',
  licensing: '《中华人民共和国食品安全法》第一百二十二条第一款',
  metrology: '《中华人民共和国计量法实施细则》第四十六条',
  other: '《无证无照经营查处办法》第十三条',
};
const sourceWeights: [CaseSource, number][] = [
  ['report', 30],
  ['inspection', 35],
  ['sampling', 12],
  ['data_comparison', 5],
  ['direct', 15],
  ['transfer', 3],
];
const titles: Record<ViolationType, string> = {
  food_safety: '经营不符合食品安全标准的食品案',
  drugs: '违规销售处方药案',
  product_quality: '销售不合格产品案',
  special_equipment: '使用未经定期检验的特种设备案',
  price: '不明码标价案',
  advertising: '发布虚假广告案',
  unfair_competition: '虚假宣传案',
  trademark_ip: '销售侵犯注册商标专用权商品案',
  consumer_rights: '侵害消费者权益案',
  personal_information: '违法收集使用消费者个人信息案',
  licensing: '未取得许可从事经营活动案',
  metrology: '使用不合格计量器具案',
  other: '其他违法行为案',
};

const demoActor = (districtCode: string) => ({
  userId: 0,
  username: 'demo',
  displayName: 'demo',
  districtCode,
  districtCodes: [districtCode],
  roles: ['admin' as const],
  orgUnitId: null,
  isDistrictWide: true,
  streetCodes: [],
  entityIds: [],
  labId: null,
});

/** Entities of the district for demo cases and complaints (catering first: most cases are food cases). */
export async function demoRespondents(ctx: ServiceContext, districtCode: string, limit = 2000): Promise<EntitySummary[]> {
  const actorCtx: ActorContext = { ...ctx, actor: demoActor(districtCode) };
  const categories: BusinessCategory[] = ['catering', 'food_retail', 'food_workshop', 'pharmacy', 'other'];
  const found: EntitySummary[] = [];
  for (const category of categories)
    found.push(...(await listEntitiesByCategory(actorCtx, category, { limit: Math.ceil(limit / categories.length) })));
  return found;
}

function pickWeighted<T>(random: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}

/**
 * Inserts the demo district's enforcement cases: the closed cases of the year with exactly the work
 * summary's counts and amounts (major = at least the default 50,000-yuan threshold, or a police transfer),
 * and a few open cases before `today` for the queues. Deterministic given `random`.
 */
export async function seedEnforcementDemo(ctx: ServiceContext, input: EnforcementDemoInput): Promise<{ cases: number }> {
  const year = input.year ?? workSummary2020Cases.year;
  const closedCount = input.closedCases ?? workSummary2020Cases.closedCases;
  const majorCount = input.majorCases ?? workSummary2020Cases.majorCases;
  const totalFen = parseYuan(input.totalAmountYuan ?? workSummary2020Cases.totalAmountYuan);
  const majorFen = parseYuan(input.majorAmountYuan ?? workSummary2020Cases.majorAmountYuan);
  const random = input.random;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const calendar = await loadHolidayCalendar(ctx.db, input.districtCode);
  const streets = await ctx.db.select().from(stationStreet).where(eq(stationStreet.districtCode, input.districtCode));
  if (streets.length === 0) throw new Error(`district ${input.districtCode} has no streets`);
  const stationOf = new Map(streets.map((row) => [row.streetCode, row.stationId]));
  const respondents = await demoRespondents(ctx, input.districtCode);

  // Amounts in units of 100 yuan (10,000 fen): majors at or above the threshold, the others below it.
  const unit = 10_000n;
  const threshold = Number(defaultMajorCaseCriteria.amountThresholdFen / unit);
  if ((majorFen % unit) + ((totalFen - majorFen) % unit) !== 0n) throw new RangeError('demo amounts must be whole hundreds of yuan');
  const majorAmounts = splitExactly(Number(majorFen / unit), majorCount, threshold, threshold * 40, random);
  const minorAmounts = splitExactly(Number((totalFen - majorFen) / unit), closedCount - majorCount, 0, threshold - 1, random);

  const planned = [...majorAmounts.map((units) => ({ units, isMajor: true })), ...minorAmounts.map((units) => ({ units, isMajor: false }))];
  // Interleave majors and the others over the year.
  for (let index = planned.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [planned[index], planned[other]] = [planned[other] as (typeof planned)[number], planned[index] as (typeof planned)[number]];
  }
  // Referrals take the latest cases of their kind (majors for the police, fined minor cases for penalties): the
  // samples were failed and handled earlier in the year.
  const referralAt = new Map<number, DemoReferral>();
  for (const [outcome, fits] of [
    ['transferred_to_police', (plan: (typeof planned)[number]) => plan.isMajor],
    ['administrative_penalty', (plan: (typeof planned)[number]) => !plan.isMajor && plan.units > 0],
  ] as const) {
    let index = planned.length - 1;
    for (const referral of (input.referrals ?? []).filter((candidate) => candidate.outcome === outcome)) {
      while (index >= 0 && (referralAt.has(index) || !fits(planned[index] as (typeof planned)[number]))) index--;
      if (index < 0) throw new RangeError(`more ${outcome} referrals than fitting demo cases`);
      referralAt.set(index, referral);
    }
  }
  const caseRows: (typeof enforcementCase.$inferInsert)[] = [];
  const penaltyPlans: { kind: 'warning' | 'fine' | 'confiscation_income'; amountFen: bigint }[][] = [];
  const stepPlans: { action: string; onDate: string }[][] = [];
  const lastDay = `${year}-12-31` < input.today ? `${year}-12-31` : input.today;
  const yearStart = Date.parse(`${year}-01-06T00:00:00Z`);
  const span = Math.max(1, Math.floor((Date.parse(`${lastDay}T00:00:00Z`) - yearStart) / 86_400_000));
  planned.forEach((plan, index) => {
    const closedOn = addCalendarDays(`${year}-01-06`, Math.floor(((index + random()) / planned.length) * span));
    const executedOn = addCalendarDays(closedOn, -int(1, 10));
    const decidedOn = addCalendarDays(executedOn, -int(1, 20));
    const notifiedOn = addCalendarDays(decidedOn, -int(5, 15));
    const investigatedOn = addCalendarDays(notifiedOn, -int(5, 30));
    const filedOn = addCalendarDays(investigatedOn, -int(1, 5));
    const leadOn = addCalendarDays(filedOn, -int(1, 12));
    const referral = referralAt.get(index);
    const drawnViolation = pickWeighted(random, violationWeights);
    const violation = referral ? 'food_safety' : drawnViolation;
    const drawn = respondents.length ? respondents[Math.floor(random() * respondents.length)] : undefined;
    const respondent = referral
      ? { id: referral.entityId, name: referral.entityName, streetCode: referral.streetCode, industryCode: 'H62' }
      : drawn;
    const streetCode = respondent?.streetCode ?? (streets[Math.floor(random() * streets.length)] as (typeof streets)[number]).streetCode;
    const amountFen = BigInt(plan.units) * unit;
    const isPoliceTransferred = referral?.outcome === 'transferred_to_police';
    const penalties: (typeof penaltyPlans)[number] = [];
    if (amountFen === 0n) penalties.push({ kind: 'warning', amountFen: 0n });
    else if (plan.units >= 2 && random() < 0.35) {
      const confiscated = BigInt(int(1, plan.units - 1)) * unit;
      penalties.push({ kind: 'fine', amountFen: amountFen - confiscated }, { kind: 'confiscation_income', amountFen: confiscated });
    } else penalties.push({ kind: 'fine', amountFen });
    const reasons = [...(plan.isMajor && plan.units >= threshold ? ['amount'] : []), ...(isPoliceTransferred ? ['police_transfer'] : [])];
    const publication = publicationDue(
      decidedOn,
      penalties.map((penalty) => penalty.kind),
      calendar,
    );
    const drawnSource = pickWeighted(random, sourceWeights);
    caseRows.push({
      districtCode: input.districtCode,
      number: `AJ${year}-${String(index + 1).padStart(4, '0')}`,
      title: `${respondent?.name ?? '某经营者'}${titles[violation]}`,
      // A case comes from sampling only when a failed sample was handed on (the referrals): the modules agree.
      source: referral ? 'sampling' : drawnSource === 'sampling' ? 'inspection' : drawnSource,
      sourceRef: referral ? `sample:${referral.blindCode}` : null,
      entityId: respondent?.id ?? null,
      partyName: respondent?.name ?? `个体经营者${index + 1}`,
      partyIndustry: respondent?.industryCode ?? null,
      streetCode,
      stationId: stationOf.get(streetCode) as number,
      violationType: violation,
      facts: '经现场检查和调查取证，当事人存在违法行为，事实清楚，证据确凿。',
      stage: 'closed',
      currentStep: null,
      currentDue: null,
      leadOn,
      filingDue: filingDue(leadOn, false, calendar),
      filedOn,
      investigatedOn,
      notifiedOn,
      decisionDue: decisionDue(filedOn, false),
      decidedOn,
      decisionNumber: `明市监罚处〔${year}〕${index + 1}号`,
      legalBasis: demoLegalBasis[violation],
      publicationDue: publication,
      publishedOn: publication ? addCalendarDays(decidedOn, int(3, 15)) : null,
      executedOn,
      closedOn,
      isMajor: plan.isMajor,
      majorReasons: reasons,
      policeTransferredOn: isPoliceTransferred ? (referral?.closedOn ?? null) : null,
      policeTransferNote: isPoliceTransferred ? '涉嫌生产、销售不符合安全标准的食品罪' : null,
    });
    penaltyPlans.push(penalties);
    stepPlans.push([
      { action: 'lead', onDate: leadOn },
      { action: 'filed', onDate: filedOn },
      { action: 'investigating', onDate: investigatedOn },
      { action: 'notified', onDate: notifiedOn },
      { action: 'decided', onDate: decidedOn },
      { action: 'executed', onDate: executedOn },
      { action: 'closed', onDate: closedOn },
    ]);
  });

  // Open cases before today, at each stage, to fill the queues with running deadlines.
  const openCount = input.openCases ?? 24;
  const openStages = ['lead', 'filed', 'investigating', 'notified'] as const;
  const todayYear = input.today.slice(0, 4);
  for (let index = 0; index < openCount; index++) {
    const stage = openStages[index % openStages.length] as (typeof openStages)[number];
    const leadOn = addCalendarDays(input.today, stage === 'lead' ? -int(2, 25) : -int(20, 100));
    const filedOn = stage === 'lead' ? null : addCalendarDays(leadOn, int(2, 10));
    const violation = pickWeighted(random, violationWeights);
    const respondent = respondents.length ? respondents[Math.floor(random() * respondents.length)] : undefined;
    const streetCode = respondent?.streetCode ?? (streets[index % streets.length] as (typeof streets)[number]).streetCode;
    const due = stage === 'lead' ? filingDue(leadOn, false, calendar) : decisionDue(filedOn as string, false);
    caseRows.push({
      districtCode: input.districtCode,
      number: `AJ${todayYear}-${String(9000 + index).padStart(4, '0')}`,
      title: `${respondent?.name ?? '某经营者'}${titles[violation]}`,
      source: 'inspection',
      entityId: respondent?.id ?? null,
      partyName: respondent?.name ?? `个体经营者${index + 1}`,
      partyIndustry: respondent?.industryCode ?? null,
      streetCode,
      stationId: stationOf.get(streetCode) as number,
      violationType: violation,
      facts: '',
      stage,
      currentStep: stage === 'lead' ? 'file' : 'decide',
      currentDue: due,
      leadOn,
      filingDue: filingDue(leadOn, false, calendar),
      filedOn,
      investigatedOn: stage === 'investigating' || stage === 'notified' ? addCalendarDays(filedOn as string, 2) : null,
      notifiedOn: stage === 'notified' ? addCalendarDays(filedOn as string, 10) : null,
      decisionDue: filedOn ? decisionDue(filedOn, false) : null,
    });
    penaltyPlans.push([]);
    stepPlans.push([{ action: 'lead', onDate: leadOn }, ...(filedOn ? [{ action: 'filed', onDate: filedOn }] : [])]);
  }

  const at = ctx.clock.now();
  for (let start = 0; start < caseRows.length; start += 200) {
    const inserted = await ctx.db
      .insert(enforcementCase)
      .values(caseRows.slice(start, start + 200).map((row) => ({ ...row, createdAt: at, updatedAt: at })))
      .returning({ id: enforcementCase.id });
    const penalties = inserted.flatMap(({ id }, offset) =>
      (penaltyPlans[start + offset] ?? []).map((penalty) => ({ districtCode: input.districtCode, caseId: id, ...penalty })),
    );
    if (penalties.length) await ctx.db.insert(casePenalty).values(penalties);
    const steps = inserted.flatMap(({ id }, offset) =>
      (stepPlans[start + offset] ?? []).map((step) => ({ districtCode: input.districtCode, caseId: id, at, ...step })),
    );
    for (let stepStart = 0; stepStart < steps.length; stepStart += 500)
      await ctx.db.insert(caseStep).values(steps.slice(stepStart, stepStart + 500));
  }
  return { cases: caseRows.length };
}
