import { sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { creditAbnormalListing, creditAnnualReport, creditRepair, creditSeriousViolation } from './credit.tables.ts';

const module = 'credit';
const kindLabel = labelOf(sql`credit_annual_report.entity_kind`, { enterprise: '企业', individual: '个体工商户' });
const reasonLabel = labelOf(sql`credit_abnormal_listing.reason`, {
  annual_report_not_filed: '未按期公示年报',
  unreachable_at_address: '住所无法联系',
  false_information: '弄虚作假',
  information_not_disclosed: '未按责令公示信息',
});

/** Credit supervision's figures (issue #21): filing rate, listed, removed, serious, repaired. */
export const creditFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'credit.annual-report-filing-rate',
    module,
    name: { 'zh-CN': '年报公示率', en: 'Annual report filing rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '报送截止日（次年6月30日）在期间内的年度报告中，截至期末已报送的比例（企业与个体工商户）',
      en: 'Of the annual reports whose deadline (30 June of the next year) falls in the period, the share filed by the end of the period',
    },
    kind: 'rate',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select credit_annual_report.district_code, credit_annual_report.id, credit_annual_report.entity_name as title,
            credit_annual_report.deadline as on_date, credit_annual_report.street_code, null::bigint as station_id,
            credit_annual_report.entity_kind as category, ${kindLabel} as category_label, null::numeric as amount,
            (credit_annual_report.filed_on is not null and credit_annual_report.filed_on <= ${period.to}::date) as counted,
            '/credit/annual-reports' as link
          from credit_annual_report
          where ${scopeWhere(ctx.actor, { district: creditAnnualReport.districtCode, street: creditAnnualReport.streetCode, entity: creditAnnualReport.entityId })}
            and credit_annual_report.deadline between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'credit.abnormal-listed',
    module,
    name: { 'zh-CN': '列入经营异常名录', en: 'Listed as abnormal' },
    unit: { 'zh-CN': '户', en: 'entities' },
    definition: {
      'zh-CN': '期间内决定列入经营异常名录（含个体工商户标记为经营异常状态）',
      en: 'Listings on the abnormal-operation list (and individual businesses marked abnormal) decided in the period',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select credit_abnormal_listing.district_code, credit_abnormal_listing.id, credit_abnormal_listing.entity_name as title,
            credit_abnormal_listing.decided_on as on_date, credit_abnormal_listing.street_code, null::bigint as station_id,
            credit_abnormal_listing.reason as category, ${reasonLabel} as category_label, null::numeric as amount, null::boolean as counted,
            '/credit/abnormal-listings' as link
          from credit_abnormal_listing
          where ${scopeWhere(ctx.actor, { district: creditAbnormalListing.districtCode, street: creditAbnormalListing.streetCode, entity: creditAbnormalListing.entityId })}
            and credit_abnormal_listing.decided_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'credit.abnormal-removed',
    module,
    name: { 'zh-CN': '移出经营异常名录', en: 'Removed from the abnormal list' },
    unit: { 'zh-CN': '户', en: 'entities' },
    definition: {
      'zh-CN': '期间内决定移出经营异常名录（含恢复正常记载状态）',
      en: 'Removals from the abnormal-operation list decided in the period',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select credit_abnormal_listing.district_code, credit_abnormal_listing.id, credit_abnormal_listing.entity_name as title,
            credit_abnormal_listing.removed_on as on_date, credit_abnormal_listing.street_code, null::bigint as station_id,
            credit_abnormal_listing.reason as category, ${reasonLabel} as category_label, null::numeric as amount, null::boolean as counted,
            '/credit/abnormal-listings' as link
          from credit_abnormal_listing
          where ${scopeWhere(ctx.actor, { district: creditAbnormalListing.districtCode, street: creditAbnormalListing.streetCode, entity: creditAbnormalListing.entityId })}
            and credit_abnormal_listing.removed_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'credit.serious-listed',
    module,
    name: { 'zh-CN': '列入严重违法失信名单', en: 'Put on the serious-violation list' },
    unit: { 'zh-CN': '户', en: 'entities' },
    definition: { 'zh-CN': '期间内决定列入严重违法失信名单', en: 'Serious-violation listings decided in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select credit_serious_violation.district_code, credit_serious_violation.id, credit_serious_violation.entity_name as title,
            credit_serious_violation.listed_on as on_date, credit_serious_violation.street_code, null::bigint as station_id,
            credit_serious_violation.reason as category, null::text as category_label, null::numeric as amount, null::boolean as counted,
            '/credit/serious-violations' as link
          from credit_serious_violation
          where ${scopeWhere(ctx.actor, { district: creditSeriousViolation.districtCode, street: creditSeriousViolation.streetCode, entity: creditSeriousViolation.entityId })}
            and credit_serious_violation.listed_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'credit.repaired',
    module,
    name: { 'zh-CN': '信用修复', en: 'Credit repairs approved' },
    unit: { 'zh-CN': '件', en: 'applications' },
    definition: { 'zh-CN': '期间内核准的信用修复申请', en: 'Credit-repair applications approved in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select credit_repair.district_code, credit_repair.id, ''::text as title,
            credit_repair.decided_on as on_date, credit_repair.street_code, null::bigint as station_id,
            credit_repair.target as category, null::text as category_label, null::numeric as amount, null::boolean as counted,
            '/credit/repairs' as link
          from credit_repair
          where ${scopeWhere(ctx.actor, { district: creditRepair.districtCode, street: creditRepair.streetCode, entity: creditRepair.entityId })}
            and credit_repair.status = 'approved' and credit_repair.decided_on between ${period.from}::date and ${period.to}::date`,
  }),
];
