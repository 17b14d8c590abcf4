import { type SQL, sql } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { industrySectionLabelSql } from '../../../../shared/industry.ts';
import { formatYuan } from '../../../../shared/money.ts';
import { queryRows } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { ComplaintFigures, ComplaintStatisticsQuery, ComplaintStatisticsView } from '../complaints.schemas.ts';
import { percentage, yearOnYearChange } from '../rules/complaint-rates.ts';
import { complaintScope, fieldProblem } from './complaint-records.ts';

interface FigureRow {
  key: string | null;
  label: string | null;
  complaints: number;
  reports: number;
  rejected: number;
  last_year: number;
  petitions_received: number;
  petitions_closed: number;
  survey_answers: number;
  satisfied: number;
  recovered_fen: string;
}

function figures(row: FigureRow | undefined): ComplaintFigures {
  const accepted = (row?.complaints ?? 0) + (row?.reports ?? 0);
  const lastYear = row?.last_year ?? 0;
  return {
    complaintsAndReports: accepted,
    complaintsAndReportsLastYear: lastYear,
    yearOnYear: yearOnYearChange(accepted, lastYear),
    complaints: row?.complaints ?? 0,
    reports: row?.reports ?? 0,
    rejected: row?.rejected ?? 0,
    petitionsReceived: row?.petitions_received ?? 0,
    petitionsClosed: row?.petitions_closed ?? 0,
    surveyAnswers: row?.survey_answers ?? 0,
    satisfied: row?.satisfied ?? 0,
    satisfactionRate: percentage(row?.satisfied ?? 0, row?.survey_answers ?? 0),
    amountRecovered: formatYuan(BigInt(row?.recovered_fen ?? '0')),
  };
}

/**
 * Figures of a period as the work summary states them: complaints and reports accepted (受理 — received
 * in the period and not rejected) with the same figure a year earlier; petitions closed (办结); satisfaction
 * (满意率: satisfied and basically satisfied answers over all answers given in the period); amounts
 * recovered for consumers by mediations ended in the period.
 */
async function figuresBy(ctx: ActorContext, query: ComplaintStatisticsQuery, key: SQL, label: SQL): Promise<FigureRow[]> {
  const from = query.from;
  const to = query.to;
  const lastFrom = yearBefore(from);
  const lastTo = yearBefore(to);
  const station = query.station === undefined ? sql`true` : sql`complaint.station_id = ${query.station}`;
  const inPeriod = (column: string) => sql`${sql.raw(column)} between ${from}::date and ${to}::date`;
  return queryRows<FigureRow>(
    ctx.db,
    sql`select ${key} as key, min(${label}) as label,
          count(*) filter (where complaint.kind = 'complaint' and complaint.status <> 'rejected' and ${inPeriod('complaint.received_on')})::int as complaints,
          count(*) filter (where complaint.kind = 'report' and complaint.status <> 'rejected' and ${inPeriod('complaint.received_on')})::int as reports,
          count(*) filter (where complaint.kind <> 'petition' and complaint.status = 'rejected' and ${inPeriod('complaint.received_on')})::int as rejected,
          count(*) filter (where complaint.kind <> 'petition' and complaint.status <> 'rejected' and complaint.received_on between ${lastFrom}::date and ${lastTo}::date)::int as last_year,
          count(*) filter (where complaint.kind = 'petition' and ${inPeriod('complaint.received_on')})::int as petitions_received,
          count(*) filter (where complaint.kind = 'petition' and complaint.status = 'closed' and ${inPeriod('complaint.closed_on')})::int as petitions_closed,
          count(*) filter (where complaint.survey_answer is not null and ${inPeriod('complaint.survey_answered_on')})::int as survey_answers,
          count(*) filter (where complaint.survey_answer in ('satisfied', 'basically_satisfied') and ${inPeriod('complaint.survey_answered_on')})::int as satisfied,
          coalesce(sum(complaint.amount_recovered_fen) filter (where ${inPeriod('complaint.mediation_ended_on')}), 0)::text as recovered_fen
        from complaint
        left join org_unit o on o.district_code = complaint.district_code and o.id = complaint.station_id
        where ${complaintScope(ctx.actor)} and ${station}
          and (complaint.received_on between ${lastFrom}::date and ${to}::date or complaint.closed_on between ${from}::date and ${to}::date
               or complaint.survey_answered_on between ${from}::date and ${to}::date or complaint.mediation_ended_on between ${from}::date and ${to}::date)
        group by 1
        order by 1`,
  );
}

export async function complaintStatistics(ctx: ActorContext, query: ComplaintStatisticsQuery): Promise<ComplaintStatisticsView> {
  if (query.to < query.from) fieldProblem([{ field: 'to', message: { 'zh-CN': '不能早于开始日期', en: 'cannot be before the start' } }]);
  const sectionLabel = sql.raw(industrySectionLabelSql('complaint.respondent_industry'));
  const today = todayInChina(ctx.clock.now());
  const [total, byStation, byCategory, byIndustry, [latest]] = await inTurn(
    () => figuresBy(ctx, query, sql`'all'`, sql`'all'`),
    () => figuresBy(ctx, query, sql`complaint.station_id::text`, sql`o.name`),
    () => figuresBy(ctx, query, sql`complaint.category`, sql`complaint.category`),
    () => figuresBy(ctx, query, sql`coalesce(substr(complaint.respondent_industry, 1, 1), '-')`, sectionLabel),
    () =>
      queryRows<{ year: number | null }>(
        ctx.db,
        sql`select extract(year from max(received_on))::int as year from complaint where ${complaintScope(ctx.actor)} and received_on <= ${today}::date`,
      ),
  );
  const group = (rows: FigureRow[]) => rows.map((row) => ({ key: row.key ?? '', label: row.label ?? '', ...figures(row) }));
  return {
    from: query.from,
    to: query.to,
    total: figures(total[0]),
    byStation: group(byStation),
    byCategory: group(byCategory),
    byIndustry: group(byIndustry),
    latestYear: latest?.year ?? null,
  };
}
