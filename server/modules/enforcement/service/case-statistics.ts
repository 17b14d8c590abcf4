import { type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { industrySectionLabelSql } from '../../../../shared/industry.ts';
import { formatWanYuan, formatYuan } from '../../../../shared/money.ts';
import { queryRows } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { CaseFigures, CaseStatisticsQuery, CaseStatisticsView } from '../enforcement.schemas.ts';
import { badField, caseScope } from './case-scope.ts';

interface FigureRow {
  key: string | null;
  label: string | null;
  opened: number;
  closed: number;
  major: number;
  amount_fen: string;
  major_amount_fen: string;
  police_transfers: number;
}

function figures(row: FigureRow | undefined): CaseFigures {
  const amount = BigInt(row?.amount_fen ?? '0');
  const majorAmount = BigInt(row?.major_amount_fen ?? '0');
  return {
    opened: row?.opened ?? 0,
    closed: row?.closed ?? 0,
    major: row?.major ?? 0,
    amount: formatYuan(amount),
    amountWan: formatWanYuan(amount),
    majorAmount: formatYuan(majorAmount),
    majorAmountWan: formatWanYuan(majorAmount),
    policeTransfers: row?.police_transfers ?? 0,
  };
}

/**
 * Case figures of a period as a work summary states them: cases filed (立案) in the period; cases closed
 * (办结) in it, how many of them major; their fines and confiscations (罚没款), all and major; transfers to
 * the police. A case counts in the period of each event. Grouped by `key` (station, violation type, industry).
 */
async function figuresBy(ctx: ActorContext, query: CaseStatisticsQuery, key: SQL, label: SQL): Promise<FigureRow[]> {
  const station = query.station === undefined ? sql`true` : sql`enforcement_case.station_id = ${query.station}`;
  return queryRows<FigureRow>(
    ctx.db,
    sql`with scoped as (
          select enforcement_case.*, ${key} as key, ${label} as label,
            coalesce((select sum(p.amount_fen) from case_penalty p
                      where p.district_code = enforcement_case.district_code and p.case_id = enforcement_case.id
                        and p.kind in ('fine', 'confiscation_income', 'confiscation_property')), 0) as amount_fen
          from enforcement_case
          left join org_unit o on o.district_code = enforcement_case.district_code and o.id = enforcement_case.station_id
          where ${caseScope(ctx.actor)} and ${station}
        )
        select key, min(label) as label,
          count(*) filter (where filed_on between ${query.from}::date and ${query.to}::date)::int as opened,
          count(*) filter (where stage = 'closed' and closed_on between ${query.from}::date and ${query.to}::date)::int as closed,
          count(*) filter (where stage = 'closed' and is_major and closed_on between ${query.from}::date and ${query.to}::date)::int as major,
          coalesce(sum(amount_fen) filter (where stage = 'closed' and closed_on between ${query.from}::date and ${query.to}::date), 0)::text as amount_fen,
          coalesce(sum(amount_fen) filter (where stage = 'closed' and is_major and closed_on between ${query.from}::date and ${query.to}::date), 0)::text as major_amount_fen,
          count(*) filter (where police_transferred_on between ${query.from}::date and ${query.to}::date)::int as police_transfers
        from scoped
        group by key
        order by key`,
  );
}

export async function caseStatistics(ctx: ActorContext, query: CaseStatisticsQuery): Promise<CaseStatisticsView> {
  if (query.to < query.from) badField('to', { 'zh-CN': '不能早于开始日期', en: 'cannot be before the start' });
  const sectionLabel = sql.raw(industrySectionLabelSql('enforcement_case.party_industry'));
  const today = todayInChina(ctx.clock.now());
  const [total, byStation, byViolationType, byIndustry, [latest]] = await inTurn(
    () => figuresBy(ctx, query, sql`'all'`, sql`'all'`),
    () => figuresBy(ctx, query, sql`enforcement_case.station_id::text`, sql`o.name`),
    () => figuresBy(ctx, query, sql`enforcement_case.violation_type`, sql`enforcement_case.violation_type`),
    () => figuresBy(ctx, query, sql`coalesce(substr(enforcement_case.party_industry, 1, 1), '-')`, sectionLabel),
    () =>
      queryRows<{ year: number | null }>(
        ctx.db,
        sql`select extract(year from max(greatest(filed_on, closed_on)))::int as year from enforcement_case
          where ${caseScope(ctx.actor)} and coalesce(greatest(filed_on, closed_on), ${today}::date) <= ${today}::date`,
      ),
  );
  const group = (rows: FigureRow[]) => rows.map((row) => ({ key: row.key ?? '', label: row.label ?? '', ...figures(row) }));
  return {
    from: query.from,
    to: query.to,
    total: figures(total[0]),
    byStation: group(byStation),
    byViolationType: group(byViolationType),
    byIndustry: group(byIndustry),
    latestYear: latest?.year ?? null,
  };
}
