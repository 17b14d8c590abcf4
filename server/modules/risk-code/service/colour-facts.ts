import { yearBefore } from '../../../../shared/calendar-day.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { entityComplaintCounts } from '../../complaints/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { type GradeFacts, gradeFacts } from '../../food-safety/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import type { ColourFacts, InspectionResult } from '../rules/risk-colour.ts';

export function fromGradeFacts(facts: GradeFacts): Partial<ColourFacts> {
  return {
    dynamicGrade: facts.lastInspectedOn === null ? undefined : facts.dynamicGrade,
    annualGrade: facts.annualGrade,
    riskGrade: facts.riskGrade,
    latestInspection:
      facts.lastInspectedOn === null ? null : { on: facts.lastInspectedOn, result: (facts.lastOutcome ?? 'compliant') as InspectionResult },
    openRectifications: facts.openRectifications,
    certificateComplianceBasisPoints: facts.certificates.complianceBasisPoints,
  };
}

/** One source of facts: entity ids of one district → partial facts per entity. Absent keys stay unknown. */
export type FactSource = (
  ctx: ServiceContext,
  input: { districtCode: string; entityIds: readonly number[]; today: string },
) => Promise<Map<number, Partial<ColourFacts>>>;

const samplingSource: FactSource = async (ctx, input) => {
  const counts = await failedSampleCounts(ctx, { districtCode: input.districtCode, since: yearBefore(input.today), until: input.today });
  return new Map(input.entityIds.map((id) => [id, { failedSamples12m: counts.get(id) ?? 0 }]));
};

const enforcementSource: FactSource = async (ctx, input) => {
  const summary = await entityPenaltySummary(
    { ...ctx, actor: systemActorFor(input.districtCode) },
    input.entityIds,
    yearBefore(input.today),
    input.today,
  );
  return new Map(
    input.entityIds.map((id) => {
      const row = summary.get(id);
      return [id, { penaltyCases12m: row?.penalisedCases ?? 0, majorCases12m: row?.majorCases ?? 0 }];
    }),
  );
};

const complaintsSource: FactSource = async (ctx, input) => {
  const counts = await entityComplaintCounts(ctx, {
    districtCode: input.districtCode,
    entityIds: input.entityIds,
    since: yearBefore(input.today),
    today: input.today,
  });
  return new Map(input.entityIds.map((id) => [id, { complaints12m: counts.get(id) ?? 0 }]));
};

const foodSafetySource: FactSource = async (ctx, input) => {
  const rows = await gradeFacts(ctx, { districtCode: input.districtCode, entityIds: input.entityIds, today: input.today });
  return new Map(rows.map((row) => [row.entityId, fromGradeFacts(row)]));
};

/**
 * Every module that publishes a colour fact: food-safety (grades, the latest inspection, rectifications,
 * certificate compliance), sampling, enforcement, complaints (accepted complaints and substantiated reports).
 * A new or closed item changes the facts hash, so the 10-minute job (risk-code.jobs.ts) recolours the unit.
 */
export const factSources: FactSource[] = [foodSafetySource, samplingSource, enforcementSource, complaintsSource];

/** Facts of the given entities (management category from our own subject rows). */
export async function gatherFacts(
  ctx: ServiceContext,
  input: {
    districtCode: string;
    entities: readonly { entityId: number; managementCategory: string | null }[];
    today: string;
    sources?: FactSource[];
  },
): Promise<Map<number, ColourFacts>> {
  const facts = new Map<number, ColourFacts>(input.entities.map((row) => [row.entityId, { managementCategory: row.managementCategory }]));
  const entityIds = input.entities.map((row) => row.entityId);
  if (entityIds.length === 0) return facts;
  for (const source of input.sources ?? factSources) {
    const partial = await source(ctx, { districtCode: input.districtCode, entityIds, today: input.today });
    for (const [id, values] of partial) {
      const current = facts.get(id);
      if (current) Object.assign(current, values);
    }
  }
  return facts;
}
