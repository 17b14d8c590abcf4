import { sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, type SqlFigureSpec, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { foodHandler, foodInspection, gradeAppeal, supervisionFinding } from './food-safety.tables.ts';

const module = 'food-safety';
const figure = (spec: Omit<SqlFigureSpec, 'module'>) => sqlFigure({ module, breakdowns: ['station', 'street', 'category'], ...spec });
const outcomeLabels = { compliant: '符合', 'basically-compliant': '基本符合', 'non-compliant': '不符合' };

const inspections = (where: (period: DateRange) => ReturnType<typeof sql>) => (ctx: ActorContext, period: DateRange) =>
  sql`select food_inspection.district_code, food_inspection.id, e.name as title, food_inspection.inspected_on as on_date,
        food_inspection.street_code, null::bigint as station_id, food_inspection.outcome as category,
        ${labelOf(sql`food_inspection.outcome`, outcomeLabels)} as category_label, null::numeric as amount, null::boolean as counted,
        '/food-safety/shops/' || food_inspection.entity_id as link
      from food_inspection
      left join entity e on e.district_code = food_inspection.district_code and e.id = food_inspection.entity_id
      where ${scopeWhere(ctx.actor, { district: foodInspection.districtCode, street: foodInspection.streetCode, entity: foodInspection.entityId })}
        and food_inspection.inspected_on between ${period.from}::date and ${period.to}::date and ${where(period)}`;

/** The food-safety module's figures (capability 2): inspections, food handlers, open findings, grade appeals. */
export const foodSafetyFigures: readonly FigureDefinition[] = [
  figure({
    key: 'food-safety.inspections',
    name: { 'zh-CN': '餐饮食品安全检查', en: 'Food-safety inspections' },
    unit: { 'zh-CN': '次', en: 'inspections' },
    definition: { 'zh-CN': '期间内完成的食品安全监督检查', en: 'Food-safety inspections done in the period' },
    kind: 'count',
    timing: 'flow',
    rows: inspections(() => sql`true`),
  }),
  figure({
    key: 'food-safety.non-compliant',
    name: { 'zh-CN': '检查结果不符合', en: 'Inspections found non-compliant' },
    unit: { 'zh-CN': '次', en: 'inspections' },
    definition: { 'zh-CN': '期间内检查结果为“不符合”的检查', en: 'Inspections of the period whose result was non-compliant' },
    kind: 'count',
    timing: 'flow',
    rows: inspections(() => sql`food_inspection.outcome = 'non-compliant'`),
  }),
  figure({
    key: 'food-safety.handlers',
    name: { 'zh-CN': '在岗食品从业人员', en: 'Food handlers employed' },
    unit: { 'zh-CN': '人', en: 'people' },
    definition: { 'zh-CN': '期末在岗的食品从业人员', en: 'Food handlers employed on the last day of the period' },
    kind: 'count',
    timing: 'stock',
    breakdowns: ['station', 'street'],
    rows: (ctx, period) =>
      sql`select food_handler.district_code, food_handler.id, food_handler.name || ' · ' || e.name as title, food_handler.hired_on as on_date,
            food_handler.street_code, null::bigint as station_id, null::text as category, null::text as category_label,
            null::numeric as amount, null::boolean as counted, '/food-safety/shops/' || food_handler.entity_id as link
          from food_handler
          left join entity e on e.district_code = food_handler.district_code and e.id = food_handler.entity_id
          where ${scopeWhere(ctx.actor, { district: foodHandler.districtCode, street: foodHandler.streetCode, entity: foodHandler.entityId })}
            and food_handler.hired_on <= ${period.to}::date and (food_handler.left_on is null or food_handler.left_on > ${period.to}::date)`,
  }),
  figure({
    key: 'food-safety.findings-opened',
    name: { 'zh-CN': '监管数据比对发现问题', en: 'Data-comparison findings opened' },
    unit: { 'zh-CN': '条', en: 'findings' },
    definition: { 'zh-CN': '期间内监管数据比对新发现的问题', en: 'Findings the supervision data comparison opened in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select supervision_finding.district_code, supervision_finding.id, supervision_finding.rule || ' · ' || coalesce(e.name, '') as title,
            supervision_finding.opened_on as on_date, supervision_finding.street_code, supervision_finding.station_id,
            supervision_finding.rule as category, supervision_finding.rule as category_label, null::numeric as amount, null::boolean as counted,
            '/food-safety/section' as link
          from supervision_finding
          left join entity e on e.district_code = supervision_finding.district_code and e.id = supervision_finding.entity_id
          where ${scopeWhere(ctx.actor, { district: supervisionFinding.districtCode, street: supervisionFinding.streetCode })}
            and supervision_finding.opened_on between ${period.from}::date and ${period.to}::date`,
  }),
  figure({
    key: 'food-safety.appeals-decided',
    name: { 'zh-CN': '等级申诉办结', en: 'Grade appeals decided' },
    unit: { 'zh-CN': '件', en: 'appeals' },
    definition: { 'zh-CN': '期间内作出决定的量化等级申诉', en: 'Appeals against a grade decided in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select grade_appeal.district_code, grade_appeal.id, coalesce(e.name, '') as title, grade_appeal.decided_on as on_date,
            grade_appeal.street_code, null::bigint as station_id, grade_appeal.status as category, grade_appeal.status as category_label,
            null::numeric as amount, null::boolean as counted, '/food-safety/shops/' || grade_appeal.entity_id as link
          from grade_appeal
          left join entity e on e.district_code = grade_appeal.district_code and e.id = grade_appeal.entity_id
          where ${scopeWhere(ctx.actor, { district: gradeAppeal.districtCode, street: gradeAppeal.streetCode, entity: gradeAppeal.entityId })}
            and grade_appeal.decided_on between ${period.from}::date and ${period.to}::date`,
  }),
];
