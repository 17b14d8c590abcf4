import { sql } from 'drizzle-orm';
import { type FigureDefinition, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { riTask } from './random-inspections.tables.ts';

const module = 'random-inspections';
const resultLabels = {
  no_problem: '未发现问题',
  problem_handled: '发现问题已责令改正',
  problem_follow_up: '发现问题待后续处理',
  not_found_at_address: '通过登记的住所无法联系',
  no_such_activity: '未发现开展本次抽查涉及的经营活动',
  closed_down: '已关闭停业或歇业',
  refused: '不配合检查',
};

function taskRows(where: (period: DateRange) => ReturnType<typeof sql>, onDate: string) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select ri_task.district_code, ri_task.id, coalesce(e.name, ri_task.object_key) as title, ${sql.raw(onDate)} as on_date,
          ri_task.street_code, null::bigint as station_id, ri_task.result as category,
          (case ri_task.result ${sql.join(
            Object.entries(resultLabels).map(([key, label]) => sql`when ${key} then ${label}`),
            sql` `,
          )} else ri_task.result end) as category_label,
          null::numeric as amount, null::boolean as counted, '/random-inspections/tasks/' || ri_task.id as link
        from ri_task
        left join entity e on e.district_code = ri_task.district_code and e.id = ri_task.entity_id
        where ${scopeWhere(ctx.actor, { district: riTask.districtCode, street: riTask.streetCode })} and ${where(period)}`;
}

/** Double-random inspections' figures (capability 6): tasks done, problems found, results published. */
export const randomInspectionFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'random-inspections.done',
    module,
    name: { 'zh-CN': '“双随机”抽查完成', en: 'Random inspections done' },
    unit: { 'zh-CN': '户次', en: 'inspections' },
    definition: { 'zh-CN': '期间内完成检查的“双随机、一公开”抽查任务', en: 'Double-random inspection tasks done in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: taskRows(
      (period) => sql`ri_task.status = 'done' and ri_task.inspected_on between ${period.from}::date and ${period.to}::date`,
      'ri_task.inspected_on',
    ),
  }),
  sqlFigure({
    key: 'random-inspections.problems',
    module,
    name: { 'zh-CN': '“双随机”抽查发现问题', en: 'Random inspections finding problems' },
    unit: { 'zh-CN': '户次', en: 'inspections' },
    definition: { 'zh-CN': '期间内完成且发现问题的抽查任务', en: 'Tasks done in the period that found a problem' },
    kind: 'count',
    timing: 'flow',
    breakdowns: ['station', 'street', 'category'],
    rows: taskRows(
      (period) =>
        sql`ri_task.status = 'done' and ri_task.result in ('problem_handled', 'problem_follow_up') and ri_task.inspected_on between ${period.from}::date and ${period.to}::date`,
      'ri_task.inspected_on',
    ),
  }),
  sqlFigure({
    key: 'random-inspections.published',
    module,
    name: { 'zh-CN': '抽查结果公示', en: 'Inspection results published' },
    unit: { 'zh-CN': '户次', en: 'inspections' },
    definition: { 'zh-CN': '期间内向社会公示的抽查结果', en: 'Inspection results published in the period' },
    kind: 'count',
    timing: 'flow',
    rows: taskRows(
      (period) =>
        sql`ri_task.published_at >= ${period.from}::date::timestamp at time zone 'Asia/Shanghai' and ri_task.published_at < (${period.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
      "(ri_task.published_at at time zone 'Asia/Shanghai')::date",
    ),
  }),
];
