import { type SQL, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { caseScope } from './service/case-scope.ts';

const violationLabels = {
  food_safety: '食品安全',
  drugs: '药品',
  product_quality: '产品质量',
  special_equipment: '特种设备',
  price: '价格',
  advertising: '广告',
  unfair_competition: '不正当竞争',
  trademark_ip: '商标与知识产权',
  consumer_rights: '侵害消费者权益',
  personal_information: '个人信息',
  licensing: '无证无照',
  metrology: '计量',
  other: '其他',
};

const between = (column: string, period: DateRange) => sql`${sql.raw(column)} between ${period.from}::date and ${period.to}::date`;

/** Fines and confiscations (罚没款) of a case, in yuan. */
const penaltyYuan = sql`coalesce((select sum(p.amount_fen) from case_penalty p
  where p.district_code = enforcement_case.district_code and p.case_id = enforcement_case.id
    and p.kind in ('fine', 'confiscation_income', 'confiscation_property')), 0) / 100.0`;

function caseRows(where: (period: DateRange) => SQL, onDate: string, amount: SQL = sql`null::numeric`) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select enforcement_case.district_code, enforcement_case.id, enforcement_case.number || ' ' || enforcement_case.title as title,
          ${sql.raw(onDate)} as on_date, enforcement_case.street_code, enforcement_case.station_id,
          enforcement_case.violation_type::text as category, ${labelOf(sql`enforcement_case.violation_type`, violationLabels)} as category_label,
          ${amount} as amount, null::boolean as counted, '/cases/' || enforcement_case.id as link
        from enforcement_case
        where ${caseScope(ctx.actor)} and ${where(period)}`;
}

const module = 'enforcement';
const closedIn = (period: DateRange) => sql`enforcement_case.stage = 'closed' and ${between('enforcement_case.closed_on', period)}`;

/** The enforcement module's figures (capability 9): cases filed and closed, major cases, fines and confiscations, police transfers. */
export const enforcementFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'enforcement.filed',
    module,
    name: { 'zh-CN': '立案', en: 'Cases filed' },
    unit: { 'zh-CN': '件', en: 'cases' },
    definition: { 'zh-CN': '期间内立案的案件', en: 'Cases filed (立案) in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows((period) => between('enforcement_case.filed_on', period), 'enforcement_case.filed_on'),
  }),
  sqlFigure({
    key: 'enforcement.closed',
    module,
    name: { 'zh-CN': '办结案件', en: 'Cases closed' },
    unit: { 'zh-CN': '件', en: 'cases' },
    definition: { 'zh-CN': '期间内办结的各类案件', en: 'Cases closed (办结) in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows(closedIn, 'enforcement_case.closed_on'),
  }),
  sqlFigure({
    key: 'enforcement.major-closed',
    module,
    name: { 'zh-CN': '办结大要案', en: 'Major cases closed' },
    unit: { 'zh-CN': '件', en: 'cases' },
    definition: {
      'zh-CN': '期间内办结的大要案（罚没款达到标准、移送公安或吊销许可证）',
      en: 'Major cases (amount over the threshold, police transfer or licence revocation) closed in the period',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows((period) => sql`${closedIn(period)} and enforcement_case.is_major`, 'enforcement_case.closed_on'),
  }),
  sqlFigure({
    key: 'enforcement.penalty-amount',
    module,
    name: { 'zh-CN': '罚没款总额', en: 'Fines and confiscations' },
    unit: { 'zh-CN': '元', en: 'yuan' },
    definition: {
      'zh-CN': '期间内办结案件的罚款、没收违法所得和没收非法财物',
      en: 'Fines, confiscated illegal income and confiscated property of the cases closed in the period',
    },
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows(closedIn, 'enforcement_case.closed_on', penaltyYuan),
  }),
  sqlFigure({
    key: 'enforcement.major-penalty-amount',
    module,
    name: { 'zh-CN': '大要案罚没款总额', en: 'Fines and confiscations of major cases' },
    unit: { 'zh-CN': '元', en: 'yuan' },
    definition: { 'zh-CN': '期间内办结大要案的罚没款', en: 'Fines and confiscations of the major cases closed in the period' },
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows((period) => sql`${closedIn(period)} and enforcement_case.is_major`, 'enforcement_case.closed_on', penaltyYuan),
  }),
  sqlFigure({
    key: 'enforcement.sampling-cases',
    module,
    name: { 'zh-CN': '抽检不合格立案查处', en: 'Cases from failed samples closed' },
    unit: { 'zh-CN': '件', en: 'cases' },
    definition: { 'zh-CN': '期间内办结的、案件来源为监督抽检的案件', en: 'Cases closed in the period whose source is a failed sample' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows((period) => sql`${closedIn(period)} and enforcement_case.source = 'sampling'`, 'enforcement_case.closed_on'),
  }),
  sqlFigure({
    key: 'enforcement.police-transfers',
    module,
    name: { 'zh-CN': '移送公安机关', en: 'Transfers to the police' },
    unit: { 'zh-CN': '起', en: 'cases' },
    definition: { 'zh-CN': '期间内移送公安机关追究刑事责任的案件', en: 'Cases transferred to the police (suspected crimes) in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: caseRows((period) => between('enforcement_case.police_transferred_on', period), 'enforcement_case.police_transferred_on'),
  }),
];
