import { sql } from 'drizzle-orm';
import type { IpKind } from '../../../shared/vocabularies/product-quality.ts';
import { type FigureDefinition, type SqlFigureSpec, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { pqBrandFirm, pqCccExemption, pqGroupStandard, pqIpRecord, pqSafetyMaker } from './product-quality.tables.ts';

const module = 'product-quality';
const pieces = { 'zh-CN': '件', en: 'items' };
const firmsUnit = { 'zh-CN': '家', en: 'firms' };
const wanYuan = { 'zh-CN': '万元', en: '10k yuan' };

/**
 * IP and brand facts of the years whose 31 December falls in the period, one record per firm: the offices report a year's
 * counts, so these figures have yearly periods only. Pieces are summed; money kinds in 万元.
 */
function ipRows(kind: IpKind, isMoney: boolean) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select pq_ip_record.district_code, pq_ip_record.id::text as id, pq_ip_record.firm_name as title,
          make_date(pq_ip_record.year, 12, 31) as on_date, pq_ip_record.street_code, null::bigint as station_id, null::text as category,
          null::text as category_label,
          ${isMoney ? sql`pq_ip_record.amount_fen::numeric / 1000000` : sql`pq_ip_record.quantity::numeric`} as amount,
          null::boolean as counted, '/product-quality/ip' as link
        from pq_ip_record
        where ${scopeWhere(ctx.actor, { district: pqIpRecord.districtCode, street: pqIpRecord.streetCode })} and pq_ip_record.kind = ${kind}
          and make_date(pq_ip_record.year, 12, 31) between ${period.from}::date and ${period.to}::date`;
}

const ipFigure = (key: string, kind: IpKind, name: SqlFigureSpec['name'], definition: SqlFigureSpec['definition'], isMoney = false) =>
  sqlFigure({
    key: `product-quality.${key}`,
    module,
    name,
    unit: isMoney ? wanYuan : pieces,
    definition,
    kind: 'sum',
    decimals: isMoney ? 2 : 0,
    timing: 'flow',
    periods: ['year'],
    breakdowns: ['street'],
    rows: ipRows(kind, isMoney),
  });

/** The product-quality module's figures (capability 17): IP and brands, 品字标 firms, safety-product makers, CCC exemptions. */
export const productQualityFigures: readonly FigureDefinition[] = [
  ipFigure(
    'invention-applications',
    'invention_application',
    { 'zh-CN': '发明专利申请量', en: 'Invention patent applications' },
    {
      'zh-CN': '年度内辖区企业的发明专利申请件数（知识产权部门数据导入）',
      en: 'Invention patent applications of district firms in the year (imported extract)',
    },
  ),
  ipFigure(
    'invention-grants',
    'invention_grant',
    { 'zh-CN': '发明专利授权量', en: 'Invention patents granted' },
    { 'zh-CN': '年度内辖区企业获授权的发明专利件数', en: 'Invention patents granted to district firms in the year' },
  ),
  ipFigure(
    'trademark-applications',
    'trademark_application',
    { 'zh-CN': '商标申请量', en: 'Trademark applications' },
    { 'zh-CN': '年度内辖区申请人的商标注册申请件数', en: 'Trademark applications of district applicants in the year' },
  ),
  ipFigure(
    'trademark-registrations',
    'trademark_registration',
    { 'zh-CN': '商标注册量', en: 'Trademarks registered' },
    { 'zh-CN': '年度内辖区申请人获准注册的商标件数', en: 'Trademarks registered to district applicants in the year' },
  ),
  ipFigure(
    'agricultural-trademarks',
    'agricultural_trademark',
    { 'zh-CN': '涉农商标注册量', en: 'Agricultural trademarks registered' },
    { 'zh-CN': '年度内新注册的涉农商标件数', en: 'Agricultural trademarks newly registered in the year' },
  ),
  ipFigure(
    'awards-subsidies',
    'award_subsidy',
    { 'zh-CN': '发放奖励补助资金', en: 'Awards and subsidies paid' },
    { 'zh-CN': '年度内发放的质量、品牌、知识产权奖励补助资金', en: 'Quality, brand and IP awards and subsidies paid in the year' },
    true,
  ),
  ipFigure(
    'pledge-financing',
    'pledge_financing',
    { 'zh-CN': '知识产权质押融资额', en: 'IP pledge financing' },
    { 'zh-CN': '年度内以专利、商标质押取得的融资额', en: 'Financing secured on patents and trademarks in the year' },
    true,
  ),
  sqlFigure({
    key: 'product-quality.brand-firms-new',
    module,
    name: { 'zh-CN': '新增“品字标”企业', en: 'New 品字标 certified firms' },
    unit: firmsUnit,
    definition: {
      'zh-CN': '期间内首次取得“品字标浙江制造”认证的辖区企业',
      en: 'District firms first certified under 品字标浙江制造 in the period',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street'],
    rows: (ctx, period) =>
      sql`select pq_brand_firm.district_code, pq_brand_firm.id::text as id, pq_brand_firm.entity_name as title,
            pq_brand_firm.first_certified_on as on_date, pq_brand_firm.street_code, null::bigint as station_id, null::text as category,
            null::text as category_label, null::numeric as amount, null::boolean as counted, '/registry/entities/' || pq_brand_firm.entity_id as link
          from pq_brand_firm
          where ${scopeWhere(ctx.actor, { district: pqBrandFirm.districtCode, street: pqBrandFirm.streetCode })}
            and pq_brand_firm.first_certified_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'product-quality.brand-certificates',
    module,
    name: { 'zh-CN': '有效“品字标”认证产品', en: 'Valid 品字标 certified products' },
    unit: { 'zh-CN': '个', en: 'products' },
    definition: {
      'zh-CN': '期末在有效期内的“品字标浙江制造”产品认证证书',
      en: '品字标浙江制造 product certificates valid on the last day of the period',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['street'],
    rows: (ctx, period) =>
      sql`select c.district_code, c.id::text as id, pq_brand_firm.entity_name || ' ' || c.product_name as title, c.issued_on as on_date,
            pq_brand_firm.street_code, null::bigint as station_id, null::text as category, null::text as category_label, null::numeric as amount,
            null::boolean as counted, '/product-quality/brand-firms' as link
          from pq_brand_certificate c join pq_brand_firm on pq_brand_firm.district_code = c.district_code and pq_brand_firm.id = c.firm_id
          where ${scopeWhere(ctx.actor, { district: pqBrandFirm.districtCode, street: pqBrandFirm.streetCode })}
            and c.issued_on <= ${period.to}::date and c.valid_until >= ${period.to}::date`,
  }),
  sqlFigure({
    key: 'product-quality.safety-makers',
    module,
    name: { 'zh-CN': '涉安类产品生产企业', en: 'Safety-related product makers' },
    unit: firmsUnit,
    definition: {
      'zh-CN': '期末纳入分类分级监管的涉安类产品生产企业（按产品类别计）',
      en: 'Safety-related product makers under graded supervision at the end of the period (per product group)',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['street', 'category'],
    rows: (ctx, period) =>
      sql`select pq_safety_maker.district_code, pq_safety_maker.id::text as id, pq_safety_maker.entity_name as title,
            pq_safety_maker.registered_on as on_date, pq_safety_maker.street_code, null::bigint as station_id,
            pq_safety_maker.product_group as category, pq_safety_maker.product_group as category_label, null::numeric as amount,
            null::boolean as counted, '/product-quality/makers' as link
          from pq_safety_maker
          where ${scopeWhere(ctx.actor, { district: pqSafetyMaker.districtCode, street: pqSafetyMaker.streetCode })}
            and pq_safety_maker.registered_on <= ${period.to}::date`,
  }),
  sqlFigure({
    key: 'product-quality.ccc-follow-ups',
    module,
    name: { 'zh-CN': '免办3C企业后续检查', en: 'CCC-exempt follow-up checks' },
    unit: { 'zh-CN': '次', en: 'checks' },
    definition: { 'zh-CN': '期间内对免办强制性产品认证企业开展的后续监管检查', en: 'Follow-up checks of CCC-exempt firms in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street'],
    rows: (ctx, period) =>
      sql`select u.district_code, u.id::text as id, pq_ccc_exemption.entity_name || ' ' || pq_ccc_exemption.certificate_number as title,
            u.checked_on as on_date, pq_ccc_exemption.street_code, null::bigint as station_id, u.result as category, u.result as category_label,
            null::numeric as amount, null::boolean as counted, '/product-quality/ccc-exemptions' as link
          from pq_ccc_follow_up u join pq_ccc_exemption on pq_ccc_exemption.district_code = u.district_code and pq_ccc_exemption.id = u.exemption_id
          where ${scopeWhere(ctx.actor, { district: pqCccExemption.districtCode, street: pqCccExemption.streetCode })}
            and u.checked_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'product-quality.group-standards-led',
    module,
    name: { 'zh-CN': '辖区企业主导制定团体标准', en: 'Group standards led by district firms' },
    unit: { 'zh-CN': '项', en: 'standards' },
    definition: {
      'zh-CN': '期间内发布的、由辖区企业主导（牵头）制定的团体标准（含“浙江制造”标准；后来废止的仍计入发布年度）',
      en: 'Group standards (incl. 浙江制造 standards) led by district firms and published in the period (one withdrawn later still counts in its year)',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street'],
    rows: (ctx, period) =>
      sql`select pq_group_standard.district_code, pq_group_standard.id::text as id,
            pq_group_standard.code || ' ' || pq_group_standard.title as title, pq_group_standard.published_on as on_date,
            pq_group_standard.street_code, null::bigint as station_id, null::text as category, null::text as category_label,
            null::numeric as amount, null::boolean as counted, '/product-quality?tab=standards' as link
          from pq_group_standard
          where ${scopeWhere(ctx.actor, { district: pqGroupStandard.districtCode, street: pqGroupStandard.streetCode })}
            and pq_group_standard.published_on between ${period.from}::date and ${period.to}::date`,
  }),
];
