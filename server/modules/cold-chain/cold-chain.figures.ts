import { type AnyColumn, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';

const module = 'cold-chain';
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const scoped = (ctx: ActorContext, alias: string, entity: string) =>
  scopeWhere(ctx.actor, {
    district: column(`${alias}.district_code`),
    street: column(`${alias}.street_code`),
    entity: column(`${alias}.${entity}`),
  });
const categoryLabel = labelOf(sql`b.category`, {
  meat: '肉类',
  poultry: '禽类',
  seafood: '水产',
  dairy: '乳品',
  fruit: '水果',
  other: '其他',
});
const certified = sql`(select count(distinct c.kind) from cc_certificate c where c.district_code = b.district_code and c.batch_id = b.id) = 3`;

/** Capability 12's figures: batches coded, the share with all three certificates, scanning coverage of shipments, open loop findings. */
export const coldChainFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'cold-chain.batches',
    module,
    name: { 'zh-CN': '进口冷链食品赋码批次', en: 'Imported cold-chain batches coded' },
    unit: { 'zh-CN': '批', en: 'batches' },
    definition: {
      'zh-CN': '期内到达并赋追溯码的进口冷链食品批次',
      en: 'Imported cold-chain batches that arrived and were given a trace code in the period',
    },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: (ctx, period) =>
      sql`select b.district_code, b.id::text as id, b.product || ' ' || b.lot as title, b.arrived_on as on_date, b.street_code, null::bigint as station_id,
            b.category, ${categoryLabel} as category_label, null::numeric as amount, null::boolean as counted, '/cold-chain/batches/' || b.id as link
          from cc_batch b where ${scoped(ctx, 'b', 'first_holder_entity_id')} and b.arrived_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'cold-chain.certified-rate',
    module,
    name: { 'zh-CN': '三证齐全率', en: 'Batches with all three certificates' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期内到达的批次中，检验检疫证明、核酸检测报告、消毒证明三证齐全的比例',
      en: 'Share of the batches arrived in the period holding the quarantine, nucleic-acid and disinfection certificates',
    },
    kind: 'rate',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: (ctx, period) =>
      sql`select b.district_code, b.id::text as id, b.product || ' ' || b.lot as title, b.arrived_on as on_date, b.street_code, null::bigint as station_id,
            b.category, ${categoryLabel} as category_label, null::numeric as amount, ${certified} as counted, '/cold-chain/batches/' || b.id as link
          from cc_batch b where ${scoped(ctx, 'b', 'first_holder_entity_id')} and b.arrived_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'cold-chain.scan-coverage',
    module,
    name: { 'zh-CN': '扫码交接覆盖率', en: 'Shipments scanned in at the destination' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期内扫码发货（本区内收货方）中，收货方已扫码收货的比例',
      en: 'Share of the shipments scanned out in the period (to a business of the district) that the receiver scanned in',
    },
    kind: 'rate',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select e.district_code, e.id::text as id, e.code as title, (e.event_time at time zone 'Asia/Shanghai')::date as on_date, e.street_code,
            null::bigint as station_id, null::text as category, null::text as category_label, null::numeric as amount,
            exists (select 1 from cc_event r where r.district_code = e.district_code and r.step = 'receive' and r.code = e.code
              and r.holder_entity_id = e.counterpart_entity_id and r.event_time >= e.event_time - interval '1 day') as counted,
            null::text as link
          from cc_event e where ${scoped(ctx, 'e', 'holder_entity_id')} and e.step = 'ship' and e.counterpart_district_code = e.district_code
            and (e.event_time at time zone 'Asia/Shanghai')::date between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'cold-chain.open-loop-findings',
    module,
    name: { 'zh-CN': '未闭环问题', en: 'Open closed-loop findings' },
    unit: { 'zh-CN': '个', en: 'findings' },
    definition: {
      'zh-CN': '期末未关闭的闭环问题：数量缺口、超量销售、发货未收货',
      en: 'Findings open at the end of the period: balance gaps, oversells, shipments never scanned in',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['station', 'street', 'category'],
    rows: (ctx, period) =>
      sql`select f.district_code, f.id::text as id, f.code as title, f.opened_on as on_date, f.street_code, null::bigint as station_id,
            f.kind as category, ${labelOf(sql`f.kind`, { loop_gap: '数量缺口', oversell: '超量销售', shipped_not_received: '发货未收货' })} as category_label,
            f.amount, null::boolean as counted, '/cold-chain/findings' as link
          from cc_finding f where ${scoped(ctx, 'f', 'holder_entity_id')} and f.opened_on <= ${period.to}::date
            and (f.closed_on is null or f.closed_on > ${period.to}::date)`,
  }),
];
