import { type SQL, sql } from 'drizzle-orm';
import { type FigureDefinition, type SqlFigureSpec, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { bureauSampleScope } from './service/sampling-context.ts';

const module = 'sampling';
const batches = { 'zh-CN': '批次', en: 'batches' };
const units = { 'zh-CN': '家', en: 'businesses' };
const cases = { 'zh-CN': '起', en: 'cases' };

/**
 * Concluded first tests (a re-test's conclusion replaces the first as the final verdict) sampled in the period,
 * with their plan's kind: the batches every figure here counts (as samplingStatistics does).
 */
function concluded(ctx: ActorContext, period: DateRange, where: SQL): SQL {
  return sql`select sample.*, coalesce(p.kind, 'routine') as plan_kind
    from sample left join sampling_plan p on p.district_code = sample.district_code and p.id = sample.plan_id
    where ${bureauSampleScope(ctx.actor)} and sample.retest_of_id is null and sample.final_verdict is not null
      and sample.sampled_on between ${period.from}::date and ${period.to}::date and ${where}`;
}

/** One row per batch. */
function batchRows(where: SQL, counted: SQL = sql`null::boolean`) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select s.district_code, s.id, s.blind_code || ' ' || s.product_name || ' ' || s.entity_name as title, s.sampled_on as on_date,
          s.street_code, null::bigint as station_id, s.category, s.category as category_label, null::numeric as amount,
          ${counted} as counted, '/sampling/samples/' || s.id as link
        from (${concluded(ctx, period, where)}) s`;
}

/** One row per business (its first batch in the period), optionally only those whose batches meet `having`. */
function unitRows(where: SQL, having: SQL = sql`true`) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select distinct on (s.entity_id) s.district_code, s.entity_id as id, s.entity_name as title, s.sampled_on as on_date,
          s.street_code, null::bigint as station_id, s.category, s.category as category_label, null::numeric as amount,
          null::boolean as counted, '/registry/entities/' || s.entity_id as link
        from (${concluded(ctx, period, where)}) s
        where s.entity_id in (select c.entity_id from (${concluded(ctx, period, where)}) c group by c.entity_id having ${having})
        order by s.entity_id, s.sampled_on, s.id`;
}

/** Distinct values of a column (categories, products) among the batches. */
function distinctRows(column: 'category' | 'product_type', where: SQL) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select min(s.district_code) as district_code, s.${sql.raw(column)} as id, s.${sql.raw(column)} as title, min(s.sampled_on) as on_date,
          null::text as street_code, null::bigint as station_id, min(s.category) as category, min(s.category) as category_label,
          null::numeric as amount, null::boolean as counted, null::text as link
        from (${concluded(ctx, period, where)}) s group by s.${sql.raw(column)}`;
}

/**
 * Businesses whose failed batches ended in an outcome (penalty, police), once each, in the period the handling closed
 * with it: the day of the transfer or the penalty decision, the same day the enforcement module counts it on.
 */
function outcomeRows(outcome: 'administrative_penalty' | 'transferred_to_police', where: SQL) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select distinct on (sample.entity_id) sample.district_code, sample.entity_id as id, sample.entity_name as title, h.closed_on as on_date,
          sample.street_code, null::bigint as station_id, sample.category, sample.category as category_label, null::numeric as amount,
          null::boolean as counted, '/sampling/samples/' || sample.id as link
        from sample
        left join sampling_plan p on p.district_code = sample.district_code and p.id = sample.plan_id
        join failure_handling h on h.district_code = sample.district_code and h.sample_id = sample.id
        where ${bureauSampleScope(ctx.actor)} and sample.retest_of_id is null and h.outcome = ${outcome}
          and h.closed_on between ${period.from}::date and ${period.to}::date and ${where}
        order by sample.entity_id, h.closed_on, sample.id`;
}

/**
 * The work summary's routine sampling (15 categories, 27 products, 210 batches in 2020) is product-quality supervision
 * sampling of industrial products (产品质量监督抽查); the bureau's routine food sampling has figures of its own.
 */
const routineIndustrial = sql`coalesce(p.kind, 'routine') = 'routine' and sample.field = 'industrial'`;
const routineFood = sql`coalesce(p.kind, 'routine') = 'routine' and sample.field = 'food'`;
/** Food campaigns (the breakfast campaign); industrial campaigns are risk monitoring (the fasteners). */
const campaign = sql`p.kind = 'campaign' and sample.field = 'food'`;
const industrialCampaign = sql`p.kind = 'campaign' and sample.field = 'industrial'`;
const figure = (spec: Omit<SqlFigureSpec, 'module' | 'timing'>) =>
  sqlFigure({ module, timing: 'flow', breakdowns: ['station', 'street', 'category'], ...spec });

/** The sampling module's figures (capability 7): routine sampling and its pass rate, campaigns, failures' outcomes. */
export const samplingFigures: readonly FigureDefinition[] = [
  figure({
    key: 'sampling.routine-batches',
    name: { 'zh-CN': '产品质量监督抽查批次', en: 'Product quality sampling: batches' },
    unit: batches,
    definition: {
      'zh-CN': '期间内抽样、已出结论的工业产品例行监督抽查批次（生产和流通领域，不含复检和风险监测专项）',
      en: 'Routine industrial product samples (production and circulation) taken in the period with a final verdict (re-tests and risk-monitoring campaigns excluded)',
    },
    kind: 'count',
    rows: batchRows(routineIndustrial),
  }),
  figure({
    key: 'sampling.routine-qualified',
    name: { 'zh-CN': '产品质量监督抽查合格批次', en: 'Product quality sampling: qualified batches' },
    unit: batches,
    definition: { 'zh-CN': '其中最终结论为合格的批次', en: 'Of those, the batches whose final verdict is qualified' },
    kind: 'count',
    rows: batchRows(sql`${routineIndustrial} and sample.final_verdict = 'qualified'`),
  }),
  figure({
    key: 'sampling.routine-pass-rate',
    name: { 'zh-CN': '产品质量监督抽查合格率', en: 'Product quality sampling: pass rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: { 'zh-CN': '合格批次占已出结论批次的比例', en: 'Qualified batches over concluded batches' },
    kind: 'rate',
    rows: batchRows(routineIndustrial, sql`s.final_verdict = 'qualified'`),
  }),
  figure({
    key: 'sampling.routine-categories',
    name: { 'zh-CN': '产品质量监督抽查覆盖大类', en: 'Product quality sampling: categories covered' },
    unit: { 'zh-CN': '大类', en: 'categories' },
    definition: { 'zh-CN': '期间内抽检批次涉及的产品大类数', en: 'Product categories the routine batches of the period cover' },
    kind: 'count',
    breakdowns: ['category'],
    rows: distinctRows('category', routineIndustrial),
  }),
  figure({
    key: 'sampling.routine-products',
    name: { 'zh-CN': '产品质量监督抽查覆盖商品', en: 'Product quality sampling: products covered' },
    unit: { 'zh-CN': '种', en: 'products' },
    definition: { 'zh-CN': '期间内抽检批次涉及的产品品种数', en: 'Product types the routine batches of the period cover' },
    kind: 'count',
    breakdowns: ['category'],
    rows: distinctRows('product_type', routineIndustrial),
  }),
  figure({
    key: 'sampling.industrial-batches',
    name: { 'zh-CN': '产品质量风险监测专项抽检批次', en: 'Product quality risk monitoring: batches' },
    unit: batches,
    definition: {
      'zh-CN': '期间内抽样、已出结论的工业产品风险监测专项抽检批次（如紧固件产品质量风险监控）',
      en: 'Industrial product samples of risk-monitoring campaigns (e.g. fasteners) taken in the period with a final verdict',
    },
    kind: 'count',
    rows: batchRows(industrialCampaign),
  }),
  figure({
    key: 'sampling.food-routine-batches',
    name: { 'zh-CN': '食品例行监督抽检批次', en: 'Routine food sampling: batches' },
    unit: batches,
    definition: {
      'zh-CN': '期间内抽样、已出结论的食品例行监督抽检批次（不含复检和专项）',
      en: 'Routine food samples taken in the period with a final verdict (re-tests and campaigns excluded)',
    },
    kind: 'count',
    rows: batchRows(routineFood),
  }),
  figure({
    key: 'sampling.food-routine-pass-rate',
    name: { 'zh-CN': '食品例行监督抽检合格率', en: 'Routine food sampling: pass rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: { 'zh-CN': '合格批次占已出结论批次的比例', en: 'Qualified batches over concluded batches' },
    kind: 'rate',
    rows: batchRows(routineFood, sql`s.final_verdict = 'qualified'`),
  }),
  figure({
    key: 'sampling.campaign-units',
    name: { 'zh-CN': '专项抽检单位', en: 'Campaign sampling: businesses' },
    unit: units,
    definition: {
      'zh-CN': '期间内专项抽检（如放心早餐）抽检的经营单位',
      en: 'Businesses sampled by campaigns (e.g. the breakfast campaign) in the period',
    },
    kind: 'count',
    rows: unitRows(campaign),
  }),
  figure({
    key: 'sampling.campaign-batches',
    name: { 'zh-CN': '专项抽检批次', en: 'Campaign sampling: batches' },
    unit: batches,
    definition: { 'zh-CN': '期间内专项抽检的批次', en: 'Batches sampled by campaigns in the period' },
    kind: 'count',
    rows: batchRows(campaign),
  }),
  figure({
    key: 'sampling.campaign-unqualified-units',
    name: { 'zh-CN': '专项抽检不合格单位', en: 'Campaign sampling: businesses failing' },
    unit: units,
    definition: { 'zh-CN': '专项抽检中有不合格批次的单位', en: 'Businesses with at least one unqualified campaign batch' },
    kind: 'count',
    rows: unitRows(campaign, sql`bool_or(c.final_verdict = 'unqualified')`),
  }),
  figure({
    key: 'sampling.campaign-unqualified-batches',
    name: { 'zh-CN': '专项抽检不合格批次', en: 'Campaign sampling: unqualified batches' },
    unit: batches,
    definition: { 'zh-CN': '专项抽检中最终结论不合格的批次', en: 'Campaign batches whose final verdict is unqualified' },
    kind: 'count',
    rows: batchRows(sql`${campaign} and sample.final_verdict = 'unqualified'`),
  }),
  figure({
    key: 'sampling.campaign-penalties',
    name: { 'zh-CN': '专项抽检行政处罚', en: 'Campaign sampling: administrative penalties' },
    unit: cases,
    definition: {
      'zh-CN': '专项抽检不合格经核查处置为行政处罚的单位',
      en: 'Businesses failing a campaign whose handling ended in an administrative penalty',
    },
    kind: 'count',
    rows: outcomeRows('administrative_penalty', campaign),
  }),
  figure({
    key: 'sampling.campaign-police-transfers',
    name: { 'zh-CN': '专项抽检移送公安', en: 'Campaign sampling: transfers to the police' },
    unit: cases,
    definition: { 'zh-CN': '专项抽检不合格移送公安机关追究刑事责任的单位', en: 'Businesses failing a campaign transferred to the police' },
    kind: 'count',
    rows: outcomeRows('transferred_to_police', campaign),
  }),
  figure({
    key: 'sampling.police-transfers',
    name: { 'zh-CN': '抽检不合格移送公安', en: 'Failed samples transferred to the police' },
    unit: cases,
    definition: {
      'zh-CN': '期间内抽检不合格、处置结果为移送公安机关的单位（所有计划）',
      en: 'Businesses whose failed samples of the period were transferred to the police (all plans)',
    },
    kind: 'count',
    rows: outcomeRows('transferred_to_police', sql`true`),
  }),
  figure({
    key: 'sampling.penalties',
    name: { 'zh-CN': '抽检不合格行政处罚', en: 'Failed samples ending in a penalty' },
    unit: cases,
    definition: {
      'zh-CN': '期间内抽检不合格、处置结果为行政处罚的单位（所有计划）',
      en: 'Businesses whose failed samples of the period ended in an administrative penalty (all plans)',
    },
    kind: 'count',
    rows: outcomeRows('administrative_penalty', sql`true`),
  }),
];
