import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { equipmentKindLabels } from './rules/equipment-kinds.ts';

const module = 'special-equipment';
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const kindLabel = labelOf(
  sql`e.kind`,
  Object.fromEntries(Object.entries(equipmentKindLabels).map(([kind, label]) => [kind, label['zh-CN']])),
);
const scoped = (ctx: ActorContext, alias: string) =>
  scopeWhere(ctx.actor, {
    district: column(`${alias}.district_code`),
    street: column(`${alias}.street_code`),
    entity: column(`${alias}.entity_id`),
  });

/** Equipment in use on a day (rules/rates.ts#inUseOn): put into use by then, not stopped or scrapped on it. */
const inUseOn = (day: string): SQL => sql`e.first_used_on <= ${day}::date and (e.status = 'in_use' or e.status_since > ${day}::date)`;

/** A rate over the register on the period's last day: its records are the equipment in use, counted as `counted` says. */
function equipmentRate(population: (day: string) => SQL, counted: (day: string) => SQL) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select e.district_code, e.id, e.registration_code as title, ${period.to}::date as on_date, e.street_code, null::bigint as station_id,
          e.kind as category, ${kindLabel} as category_label, null::numeric as amount, (${counted(period.to)}) as counted,
          '/special-equipment/equipment/' || e.id as link
        from se_equipment e
        left join lateral (select i.result, i.next_due_on from se_inspection i
          where i.district_code = e.district_code and i.equipment_id = e.id and i.inspected_on <= ${period.to}::date
          order by i.inspected_on desc, i.id desc limit 1) li on true
        where ${scoped(ctx, 'e')} and ${inUseOn(period.to)} and ${population(period.to)}`;
}

/**
 * Capability 10's figures. The three rates are the bureau's documented setting (rules/rates.ts, docs/decisions/0025),
 * computed as of the period's last day with the same definitions as the rates page.
 */
export const specialEquipmentFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'special-equipment.in-use',
    module,
    name: { 'zh-CN': '在用特种设备', en: 'Special equipment in use' },
    unit: { 'zh-CN': '台（套）', en: 'units' },
    definition: {
      'zh-CN': '期末在用（未停用、未报废）的特种设备',
      en: 'Equipment in use (not stopped or scrapped) at the end of the period',
    },
    kind: 'count',
    timing: 'stock',
    rows: equipmentRate(
      () => sql`true`,
      () => sql`null::boolean`,
    ),
  }),
  sqlFigure({
    key: 'special-equipment.registration-rate',
    module,
    name: { 'zh-CN': '使用登记率', en: 'Use-registration rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期末已办理使用登记的在用设备 ÷ 投用满30日（或已登记）的在用设备（本局口径）',
      en: 'In-use equipment registered by the period end ÷ in-use equipment past its 30 days (or registered) — bureau setting',
    },
    kind: 'rate',
    timing: 'stock',
    rows: equipmentRate(
      (day) => sql`(e.first_used_on + 30 < ${day}::date or e.registered_on <= ${day}::date)`,
      (day) => sql`coalesce(e.registered_on <= ${day}::date, false)`,
    ),
  }),
  sqlFigure({
    key: 'special-equipment.periodic-inspection-rate',
    module,
    name: { 'zh-CN': '定检率', en: 'Periodic-inspection rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期末在检验有效期内的在用设备 ÷ 在用设备；检验不合格不计（本局口径）',
      en: 'In-use equipment within its periodic-inspection date at the period end ÷ in-use equipment; a fail is not in date — bureau setting',
    },
    kind: 'rate',
    timing: 'stock',
    rows: equipmentRate(
      () => sql`true`,
      (day) => sql`coalesce(li.result <> 'fail', true) and coalesce(li.next_due_on, e.first_due_on) >= ${day}::date`,
    ),
  }),
  sqlFigure({
    key: 'special-equipment.certified-operator-rate',
    module,
    name: { 'zh-CN': '作业人员持证上岗率', en: 'Certified-operator rate' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期末在岗作业人员中持有效证书者所占比例（本局口径）',
      en: 'Share of operators on duty at the period end holding a valid certificate — bureau setting',
    },
    kind: 'rate',
    timing: 'stock',
    rows: (ctx, period) =>
      sql`select o.district_code, o.id, o.work_item as title, ${period.to}::date as on_date, o.street_code, null::bigint as station_id,
            null::text as category, null::text as category_label, null::numeric as amount,
            coalesce(o.valid_until >= ${period.to}::date, false) as counted, '/special-equipment/operators' as link
          from se_operator o where ${scoped(ctx, 'o')} and o.on_duty_from <= ${period.to}::date`,
  }),
  sqlFigure({
    key: 'special-equipment.hazards-found',
    module,
    name: { 'zh-CN': '发现特种设备隐患', en: 'Special-equipment hazards found' },
    unit: { 'zh-CN': '处', en: 'hazards' },
    definition: { 'zh-CN': '期间内第三方专家发现并录入的隐患', en: 'Hazards found by third-party experts in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select h.district_code, h.id, h.description as title, h.found_on as on_date, h.street_code, null::bigint as station_id,
            h.severity as category, ${labelOf(sql`h.severity`, { general: '一般隐患', serious: '严重隐患' })} as category_label,
            null::numeric as amount, null::boolean as counted, '/special-equipment/hazards/' || h.id as link
          from se_hazard h where ${scoped(ctx, 'h')} and h.found_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'special-equipment.hazards-closed',
    module,
    name: { 'zh-CN': '隐患整改销号', en: 'Hazards closed after rectification' },
    unit: { 'zh-CN': '处', en: 'hazards' },
    definition: { 'zh-CN': '期间内复查合格销号的隐患', en: 'Hazards closed after a passed re-check in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select h.district_code, h.id, h.description as title, h.closed_on as on_date, h.street_code, null::bigint as station_id,
            h.severity as category, ${labelOf(sql`h.severity`, { general: '一般隐患', serious: '严重隐患' })} as category_label,
            null::numeric as amount, null::boolean as counted, '/special-equipment/hazards/' || h.id as link
          from se_hazard h where ${scoped(ctx, 'h')} and h.status = 'closed' and h.closed_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'special-equipment.drills',
    module,
    name: { 'zh-CN': '特种设备应急演练', en: 'Special-equipment emergency drills' },
    unit: { 'zh-CN': '次', en: 'drills' },
    definition: { 'zh-CN': '期间内举行的应急演练（全区及使用单位）', en: 'Emergency drills held in the period (district and users)' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select d.district_code, d.id, d.scenario as title, d.held_on as on_date, d.street_code, null::bigint as station_id,
            case when d.entity_id is null then 'district' else 'user' end as category,
            case when d.entity_id is null then '全区' else '使用单位' end as category_label,
            null::numeric as amount, null::boolean as counted, '/special-equipment/drills' as link
          from se_drill d where ${
            ctx.actor.isDistrictWide ? scopeWhere(ctx.actor, { district: column('d.district_code') }) : scoped(ctx, 'd')
          } and d.held_on between ${period.from}::date and ${period.to}::date`,
  }),
];
