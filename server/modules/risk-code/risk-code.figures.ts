import { sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { rcCertifiedProduct, rcSubject } from './risk-code.tables.ts';

const module = 'risk-code';
const colourLabels = { green: '绿', blue: '蓝', yellow: '黄', orange: '橙', black: '黑' };

/** The first instant after a day in China. */
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

/** Certified products (品字码) on the platform at the period's end and not revoked by then. */
const certifiedOn = (day: string) =>
  sql`rc_certified_product.created_at < ${endOf(day)}
      and (rc_certified_product.revoked_at is null or rc_certified_product.revoked_at >= ${endOf(day)})`;

/** The five-colour code's figures (capabilities 3 and 4): units coded, certified firms and products. */
export const riskCodeFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'risk-code.coded-units',
    module,
    name: { 'zh-CN': '已赋码餐饮单位', en: 'Catering units with a colour' },
    unit: { 'zh-CN': '家', en: 'units' },
    definition: {
      'zh-CN': '期末在营且已赋“五色码”的餐饮单位，按期末的颜色分（取自颜色变更记录）',
      en: 'Catering units in business and holding a five-colour code at the end of the period, by their colour then (from the colour history)',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['station', 'street', 'category'],
    // The colour each unit held at the period's end: its last change up to then.
    rows: (ctx, period) =>
      sql`select rc_subject.district_code, rc_subject.id, e.name as title, h.changed_at::date as on_date,
            rc_subject.street_code, null::bigint as station_id, h.to_colour as category,
            ${labelOf(sql`h.to_colour`, colourLabels)} as category_label, null::numeric as amount, null::boolean as counted,
            '/risk-code/entities/' || rc_subject.entity_id as link
          from rc_subject
          join lateral (
            select rc_colour_history.to_colour, rc_colour_history.changed_at from rc_colour_history
            where rc_colour_history.district_code = rc_subject.district_code and rc_colour_history.entity_id = rc_subject.entity_id
              and rc_colour_history.changed_at < ${endOf(period.to)}
            order by rc_colour_history.changed_at desc, rc_colour_history.id desc limit 1
          ) h on true
          join entity e on e.district_code = rc_subject.district_code and e.id = rc_subject.entity_id
            and e.founded_on <= ${period.to}::date and (e.ended_on is null or e.ended_on > ${period.to}::date)
          where ${scopeWhere(ctx.actor, { district: rcSubject.districtCode, street: rcSubject.streetCode, entity: rcSubject.entityId })}
            and h.to_colour is not null
            and (rc_subject.revoked_at is null or rc_subject.revoked_at >= ${endOf(period.to)})`,
  }),
  sqlFigure({
    key: 'risk-code.certified-firms',
    module,
    name: { 'zh-CN': '品字标企业（已制作品字码）', en: 'Certified firms with product codes' },
    unit: { 'zh-CN': '家', en: 'firms' },
    definition: { 'zh-CN': '期末有“品字码”认证产品的企业', en: 'Firms with at least one certified product code at the end of the period' },
    kind: 'count',
    timing: 'stock',
    breakdowns: [],
    rows: (ctx, period) =>
      sql`select min(rc_certified_product.district_code) as district_code, rc_certified_product.firm_credit_code as id,
            min(rc_certified_product.firm_name) as title, min(rc_certified_product.created_at)::date as on_date, null::text as street_code,
            null::bigint as station_id, null::text as category, null::text as category_label, null::numeric as amount,
            null::boolean as counted, '/products' as link
          from rc_certified_product
          where ${scopeWhere(ctx.actor, { district: rcCertifiedProduct.districtCode, entity: rcCertifiedProduct.entityId })} and ${certifiedOn(period.to)}
          group by rc_certified_product.firm_credit_code`,
  }),
  sqlFigure({
    key: 'risk-code.certified-products',
    module,
    name: { 'zh-CN': '品字码认证产品', en: 'Certified products with a code' },
    unit: { 'zh-CN': '个', en: 'products' },
    definition: { 'zh-CN': '期末已制作“品字码”的认证产品', en: 'Certified products holding a product code at the end of the period' },
    kind: 'count',
    timing: 'stock',
    breakdowns: [],
    rows: (ctx, period) =>
      sql`select rc_certified_product.district_code, rc_certified_product.id, rc_certified_product.firm_name || ' · ' || rc_certified_product.product_name as title,
            rc_certified_product.created_at::date as on_date, null::text as street_code, null::bigint as station_id, null::text as category,
            null::text as category_label, null::numeric as amount, null::boolean as counted, '/products' as link
          from rc_certified_product
          where ${scopeWhere(ctx.actor, { district: rcCertifiedProduct.districtCode, entity: rcCertifiedProduct.entityId })} and ${certifiedOn(period.to)}`,
  }),
];
