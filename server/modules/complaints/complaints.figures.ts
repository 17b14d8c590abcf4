import { sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, noColumns, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { complaintScope } from './service/complaint-records.ts';

const categoryLabels = {
  food: '食品',
  drugs: '药品',
  cosmetics: '化妆品',
  medical_devices: '医疗器械',
  product_quality: '产品质量',
  special_equipment: '特种设备',
  price: '价格',
  advertising: '广告',
  contract: '合同',
  services: '服务',
  trademark: '商标',
  metrology: '计量',
  unlicensed: '无证无照',
  other: '其他',
  petition: '信访',
};

const between = (column: string, period: DateRange) => sql`${sql.raw(column)} between ${period.from}::date and ${period.to}::date`;

/** The complaint rows of one figure: `where` picks them, `onDate` is the day that puts them in the period. */
function complaintRows(
  where: (period: DateRange) => ReturnType<typeof sql>,
  onDate: string,
  extra = sql`${noColumns('amount', 'counted')}`,
) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select complaint.district_code, complaint.id, complaint.number || ' ' || complaint.respondent_name as title,
          ${sql.raw(onDate)} as on_date, complaint.street_code, complaint.station_id,
          complaint.category::text as category, ${labelOf(sql`complaint.category`, categoryLabels)} as category_label,
          ${extra}, '/complaints/' || complaint.id as link
        from complaint
        where ${complaintScope(ctx.actor)} and ${where(period)}`;
}

const module = 'complaints';

/** The complaints module's figures (capability 8): intake, petitions, satisfaction, money recovered. */
export const complaintFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'complaints.accepted',
    module,
    name: { 'zh-CN': '受理投诉举报', en: 'Complaints and reports accepted' },
    unit: { 'zh-CN': '件', en: 'items' },
    definition: {
      'zh-CN': '期间内登记且未不予受理的消费者投诉和举报（不含信访）',
      en: 'Consumer complaints and reports received in the period and not rejected (petitions excluded)',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: complaintRows(
      (period) =>
        sql`complaint.kind in ('complaint', 'report') and complaint.status <> 'rejected' and ${between('complaint.received_on', period)}`,
      'complaint.received_on',
    ),
  }),
  sqlFigure({
    key: 'complaints.complaints',
    module,
    name: { 'zh-CN': '受理投诉', en: 'Complaints accepted' },
    unit: { 'zh-CN': '件', en: 'items' },
    definition: { 'zh-CN': '期间内登记且未不予受理的消费者投诉', en: 'Consumer complaints received in the period and not rejected' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: complaintRows(
      (period) => sql`complaint.kind = 'complaint' and complaint.status <> 'rejected' and ${between('complaint.received_on', period)}`,
      'complaint.received_on',
    ),
  }),
  sqlFigure({
    key: 'complaints.reports',
    module,
    name: { 'zh-CN': '受理举报', en: 'Reports accepted' },
    unit: { 'zh-CN': '件', en: 'items' },
    definition: { 'zh-CN': '期间内登记且未不予受理的举报', en: 'Reports (of violations) received in the period and not rejected' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: complaintRows(
      (period) => sql`complaint.kind = 'report' and complaint.status <> 'rejected' and ${between('complaint.received_on', period)}`,
      'complaint.received_on',
    ),
  }),
  sqlFigure({
    key: 'complaints.petitions-received',
    module,
    name: { 'zh-CN': '收到信访', en: 'Petitions received' },
    unit: { 'zh-CN': '件', en: 'items' },
    definition: { 'zh-CN': '期间内登记的信访件', en: 'Petitions received in the period' },
    kind: 'count',
    timing: 'flow',
    rows: complaintRows(
      (period) => sql`complaint.kind = 'petition' and ${between('complaint.received_on', period)}`,
      'complaint.received_on',
    ),
  }),
  sqlFigure({
    key: 'complaints.petitions-closed',
    module,
    name: { 'zh-CN': '办结信访', en: 'Petitions closed' },
    unit: { 'zh-CN': '件', en: 'items' },
    definition: { 'zh-CN': '期间内办结的信访件', en: 'Petitions closed in the period' },
    kind: 'count',
    timing: 'flow',
    rows: complaintRows(
      (period) => sql`complaint.kind = 'petition' and complaint.status = 'closed' and ${between('complaint.closed_on', period)}`,
      'complaint.closed_on',
    ),
  }),
  sqlFigure({
    key: 'complaints.satisfaction',
    module,
    name: { 'zh-CN': '群众满意率', en: 'Satisfaction rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期间内回访答复中“满意”和“基本满意”所占比例',
      en: 'Share of survey answers given in the period that were satisfied or basically satisfied',
    },
    kind: 'rate',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: complaintRows(
      (period) => sql`complaint.survey_answer is not null and ${between('complaint.survey_answered_on', period)}`,
      'complaint.survey_answered_on',
      sql`null::numeric as amount, complaint.survey_answer in ('satisfied', 'basically_satisfied') as counted`,
    ),
  }),
  sqlFigure({
    key: 'complaints.amount-recovered',
    module,
    name: { 'zh-CN': '为消费者挽回经济损失', en: 'Money recovered for consumers' },
    unit: { 'zh-CN': '元', en: 'yuan' },
    definition: {
      'zh-CN': '期间内调解终结的投诉为消费者挽回的金额',
      en: 'Amounts recovered for consumers by mediations ended in the period',
    },
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: complaintRows(
      (period) => sql`complaint.amount_recovered_fen is not null and ${between('complaint.mediation_ended_on', period)}`,
      'complaint.mediation_ended_on',
      sql`complaint.amount_recovered_fen / 100.0 as amount, null::boolean as counted`,
    ),
  }),
];
