import { eq } from 'drizzle-orm';
import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { maskPersonName, maskPhone } from '../../../../shared/masking.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { addCalendarDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import { type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { type ComplaintCategory, complaintCategories, type SurveyAnswer } from '../complaints.schemas.ts';
import { complaint, type NewComplaintRow } from '../complaints.tables.ts';
import {
  applyAction,
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintState,
  intakeState,
  type MediationOutcome,
  type RejectGround,
} from '../rules/complaint-steps.ts';
import { complaintNumber, currentStepOf } from '../service/complaint-records.ts';

export interface ComplaintsDemoInput {
  districtCode: string;
  /** Uniform in [0, 1): the demo's seeded generator, so the same seed gives the same items. */
  random: () => number;
  /** The demo's "today" (China time); a few open items are placed just before it. */
  today: string;
  year?: number;
  /** Complaints and reports accepted in the year and the year before; petitions closed in the year. */
  acceptedThisYear?: number;
  acceptedLastYear?: number;
  petitionsClosed?: number;
  /** Survey answers of the year: satisfied, basically satisfied, dissatisfied. */
  surveyAnswers?: [number, number, number];
  openItems?: number;
  /** Petitions received in the last days of the year and closed in the next (default 12). */
  latePetitions?: number;
}

/**
 * The 2020 work summary: 3,325 complaints and reports accepted (+60.47% on 2019's 2,072), 481 petitions
 * closed, 98% satisfaction (here 1,900 satisfied + 60 basically satisfied of 2,000 answers).
 */
export const workSummary2020Complaints = {
  year: 2020,
  acceptedThisYear: 3325,
  acceptedLastYear: 2072,
  petitionsClosed: 481,
  surveyAnswers: [1900, 60, 40] as [number, number, number],
};

const familyNames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余叶程';
const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅玉兰海波';
const facts: Record<ComplaintKind, string[]> = {
  complaint: [
    '购买的食品已过保质期',
    '预付卡消费后商家拒绝退款',
    '电器维修后仍无法使用',
    '就餐后出现身体不适',
    '商品与宣传不符',
    '收费未明码标价',
  ],
  report: ['店内销售疑似假冒商品', '无证经营餐饮', '虚假宣传疗效', '使用过期原料加工食品', '电梯长期未检验仍在使用'],
  petition: ['反映市场噪音扰民', '反映农贸市场秩序问题', '要求查处违法经营', '对投诉处理结果有异议'],
};
const rejectGrounds: RejectGround[] = ['no_jurisdiction', 'handled_elsewhere', 'not_consumer_dispute', 'materials_missing'];
const failedOutcomes: MediationOutcome[] = ['party_refused', 'party_declared_impossible', 'time_expired', 'withdrawn'];

interface Planned {
  kind: ComplaintKind;
  receivedOn: string;
  fate: 'accepted' | 'rejected' | 'open' | 'late_petition';
}

const lookupActor = (districtCode: string) => ({
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

/**
 * Inserts the demo district's complaints, reports and petitions: the year's and the year before's with
 * exactly the work summary's figures, and a few open items before `today` for the queues. Every date is
 * computed by the same rules as live items (rule set of the day of receipt, working-day deadlines), and
 * the complainants' details are encrypted and masked like real ones. Deterministic given `random`.
 */
export async function seedComplaintsDemo(ctx: ServiceContext, input: ComplaintsDemoInput): Promise<{ items: number }> {
  const year = input.year ?? workSummary2020Complaints.year;
  const acceptedThisYear = input.acceptedThisYear ?? workSummary2020Complaints.acceptedThisYear;
  const acceptedLastYear = input.acceptedLastYear ?? workSummary2020Complaints.acceptedLastYear;
  const petitionsClosed = input.petitionsClosed ?? workSummary2020Complaints.petitionsClosed;
  const [satisfied, basically, dissatisfied] = input.surveyAnswers ?? workSummary2020Complaints.surveyAnswers;
  const random = input.random;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const calendar = await loadHolidayCalendar(ctx.db, input.districtCode);
  const streets = await ctx.db.select().from(stationStreet).where(eq(stationStreet.districtCode, input.districtCode));
  if (streets.length === 0) throw new Error(`district ${input.districtCode} has no streets`);
  const stationOf = new Map(streets.map((row) => [row.streetCode, row.stationId]));
  const actorCtx: ActorContext = { ...ctx, actor: lookupActor(input.districtCode) };
  const respondents: EntitySummary[] = [];
  for (const category of ['catering', 'food_retail', 'pharmacy', 'other'] as const) {
    respondents.push(...(await listEntitiesByCategory(actorCtx, category, { limit: 500 })));
  }

  const dayIn = (from: string, to: string) =>
    addCalendarDays(from, int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));
  const yearEnd = `${year}-12-31`;
  const plans: Planned[] = [];
  const acceptedKinds = (count: number, from: string, to: string) => {
    for (let index = 0; index < count; index++)
      plans.push({ kind: random() < 0.74 ? 'complaint' : 'report', receivedOn: dayIn(from, to), fate: 'accepted' });
  };
  // Items received by mid-December, so that each is handled within the year it is counted in; in the year of
  // `today`, received early enough to be handled by today (the open items fill the last days).
  const before = (day: string, daysBeforeToday: number) => {
    const limit = addCalendarDays(input.today, -daysBeforeToday);
    return day < limit ? day : limit;
  };
  const acceptedUntil = before(`${year}-12-10`, 40);
  acceptedKinds(acceptedThisYear, `${year}-01-02`, acceptedUntil);
  acceptedKinds(acceptedLastYear, `${year - 1}-01-02`, `${year - 1}-12-10`);
  for (let index = 0; index < Math.round(acceptedThisYear * 0.017); index++)
    plans.push({ kind: 'complaint', receivedOn: dayIn(`${year}-01-02`, acceptedUntil), fate: 'rejected' });
  for (let index = 0; index < Math.round(acceptedLastYear * 0.015); index++)
    plans.push({ kind: 'complaint', receivedOn: dayIn(`${year - 1}-01-02`, `${year - 1}-12-10`), fate: 'rejected' });
  for (let index = 0; index < petitionsClosed; index++)
    plans.push({ kind: 'petition', receivedOn: dayIn(`${year}-01-02`, before(`${year}-10-31`, 60)), fate: 'accepted' });
  // Petitions of late December, closed the next year: not among the year's closed ones.
  if (addCalendarDays(yearEnd, 21) <= input.today)
    for (let index = 0; index < (input.latePetitions ?? 12); index++)
      plans.push({ kind: 'petition', receivedOn: dayIn(`${year}-12-20`, yearEnd), fate: 'late_petition' });
  const openCount = input.openItems ?? 30;
  for (let index = 0; index < openCount; index++) {
    plans.push({
      kind: (['complaint', 'complaint', 'report', 'petition'] as const)[index % 4] as ComplaintKind,
      // Every fifth one waits past its legal deadline: the overdue flags of the queues have something to show.
      receivedOn: addCalendarDays(input.today, index % 5 === 4 ? -int(20, 35) : -int(0, 12)),
      fate: 'open',
    });
  }
  plans.sort((left, right) => (left.receivedOn < right.receivedOn ? -1 : left.receivedOn > right.receivedOn ? 1 : 0));

  const sequence = new Map<string, number>();
  const rows: NewComplaintRow[] = [];
  const surveyCandidates: number[] = [];
  const at = ctx.clock.now();
  for (const plan of plans) {
    const respondent = respondents.length && random() < 0.85 ? pick(respondents) : undefined;
    const streetCode = respondent?.streetCode ?? pick(streets).streetCode;
    const isAnonymous = plan.kind === 'report' && random() < 0.2;
    const name = `${pick([...familyNames])}${pick([...givenNames])}${random() < 0.5 ? pick([...givenNames]) : ''}`;
    const phone = `1${pick(['38', '39', '58', '59', '88', '37', '36'])}${String(int(0, 99_999_999)).padStart(8, '0')}`;
    const key = `${plan.kind}${plan.receivedOn}`;
    sequence.set(key, (sequence.get(key) ?? 0) + 1);
    const category: ComplaintCategory =
      plan.kind === 'report'
        ? pick(['food', 'unlicensed', 'advertising', 'product_quality', 'special_equipment'])
        : pick(complaintCategories);
    const row = handle(plan, calendar, { int, pick, random });
    rows.push({
      districtCode: input.districtCode,
      number: complaintNumber(plan.kind, plan.receivedOn, sequence.get(key) as number),
      kind: plan.kind,
      channel: pick(['hotline_12315', 'hotline_12315', 'platform_12315', 'platform_12315', 'web', 'letter', 'visit']),
      category,
      receivedAt: chinaInstant(plan.receivedOn, `${String(int(8, 17)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`),
      receivedOn: plan.receivedOn,
      entityId: respondent?.id ?? null,
      respondentName: respondent?.name ?? `${pick(['街边', '路口', '小区'])}${pick(['小吃店', '水果摊', '理发店', '五金店'])}`,
      respondentAddress: respondent?.address ?? '',
      respondentIndustry: respondent?.industryCode ?? null,
      streetCode,
      stationId: stationOf.get(streetCode) as number,
      isAnonymous,
      complainantNameEnc: isAnonymous ? null : ctx.crypto.encrypt(name),
      complainantNameMask: isAnonymous ? null : maskPersonName(name),
      complainantPhoneEnc: isAnonymous ? null : ctx.crypto.encrypt(phone),
      complainantPhoneBlind: isAnonymous ? null : ctx.crypto.blindIndex(phone),
      complainantPhoneMask: isAnonymous ? null : maskPhone(phone),
      complainantAddressEnc: isAnonymous
        ? null
        : ctx.crypto.encrypt(`${pick(['中河', '首南', '潘火', '东柳', '百丈'])}街道${int(1, 300)}号`),
      facts: pick(facts[plan.kind]),
      request: plan.kind === 'complaint' ? pick(['退款', '赔偿损失', '更换商品', '道歉并整改']) : '',
      ...row,
      createdAt: at,
      updatedAt: at,
    });
    const closedOn = row.closedOn;
    if (plan.kind === 'complaint' && plan.fate === 'accepted' && closedOn && closedOn >= `${year}-01-01` && closedOn <= `${year}-12-24`) {
      surveyCandidates.push(rows.length - 1);
    }
  }

  // Satisfaction surveys of the year: exactly the answers asked for, each a few days after closing.
  const answers: SurveyAnswer[] = [
    ...new Array<SurveyAnswer>(satisfied).fill('satisfied'),
    ...new Array<SurveyAnswer>(basically).fill('basically_satisfied'),
    ...new Array<SurveyAnswer>(dissatisfied).fill('dissatisfied'),
  ];
  if (answers.length > surveyCandidates.length)
    throw new RangeError(`only ${surveyCandidates.length} closed complaints for ${answers.length} survey answers`);
  for (let index = surveyCandidates.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [surveyCandidates[index], surveyCandidates[other]] = [surveyCandidates[other] as number, surveyCandidates[index] as number];
  }
  answers.forEach((answer, index) => {
    const row = rows[surveyCandidates[index] as number] as NewComplaintRow;
    row.surveySentAt = chinaInstant(row.closedOn as string, '16:00:00');
    row.surveyAnswer = answer;
    row.surveyAnsweredOn = addCalendarDays(row.closedOn as string, int(0, 5));
  });

  // 1,000 rows a statement (about 45,000 parameters, under the protocol's 65,535).
  for (let start = 0; start < rows.length; start += 1000) await ctx.db.insert(complaint).values(rows.slice(start, start + 1000));
  return { items: rows.length };
}

type Helpers = { int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T; random: () => number };

/** The dates of one item handled as the rules say, step by step from its receipt. */
function handle(plan: Planned, calendar: HolidayCalendar, { int, pick, random }: Helpers): Partial<NewComplaintRow> & { ruleSet: string } {
  const intake = intakeState(plan.kind, plan.receivedOn, calendar);
  let state: ComplaintState = {
    kind: plan.kind,
    status: intake.status ?? 'received',
    ruleSet: intake.ruleSet,
    receivedOn: plan.receivedOn,
    isAnonymous: false,
    acceptDue: intake.acceptDue ?? null,
    mediationDue: null,
    notifyDue: null,
    verifyDue: intake.verifyDue ?? null,
    verifyExtended: false,
    caseDecidedOn: null,
    replyDue: null,
    handleDue: null,
  };
  const fields: Partial<NewComplaintRow> = {
    ruleSet: intake.ruleSet,
    status: state.status,
    acceptDue: state.acceptDue,
    verifyDue: state.verifyDue,
  };
  let day = plan.receivedOn;
  const step = (action: ComplaintAction, after: number, options: { caseOpened?: boolean } = {}) => {
    day = addCalendarDays(day, after);
    const patch = applyAction(action, state, day, calendar, options);
    state = { ...state, ...patch } as ComplaintState;
    Object.assign(fields, patch);
  };
  if (plan.fate === 'open') {
    if (plan.kind === 'complaint' && random() < 0.5) step('accept', int(1, 3));
  } else if (plan.fate === 'rejected') {
    step('reject', int(1, 5));
    fields.rejectGround = pick(rejectGrounds);
  } else if (plan.kind === 'complaint') {
    step('accept', int(1, 5));
    step('end_mediation', int(3, 25));
    const isSettled = random() < 0.78;
    fields.mediationOutcome = isSettled ? 'agreement' : pick(failedOutcomes);
    fields.amountRecoveredFen = isSettled ? BigInt(int(2, 500)) * 1000n : null;
    step('reply', int(1, 4));
  } else if (plan.kind === 'report') {
    const opened = random() < 0.3;
    step('decide_case', int(2, 12), { caseOpened: opened });
    fields.caseDecision = opened ? 'case_opened' : 'no_case';
    if (state.status === 'awaiting_reply') step('reply', int(1, 3));
  } else {
    step('accept', int(1, 10));
    if (plan.fate === 'accepted') step('reply', int(10, 45));
    else {
      // Closed in the new year: past the year end, within its 60 days.
      day = addCalendarDays(day, 0);
      const closedOn = addCalendarDays(`${plan.receivedOn.slice(0, 4)}-12-31`, int(3, 20));
      step('reply', Math.round((Date.parse(closedOn) - Date.parse(day)) / 86_400_000));
    }
  }
  return {
    ...fields,
    ruleSet: intake.ruleSet,
    ...currentStepOf({ ...fields, kind: plan.kind, receivedOn: plan.receivedOn, isAnonymous: false, verifyExtended: false } as never),
  };
}
