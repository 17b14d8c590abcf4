import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { inIds } from '../../../db/id-set.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { complaint } from '../complaints.tables.ts';
import { countsInWindow } from '../rules/substantiated.ts';

/**
 * Complaints and reports counting against each business (rules/substantiated.ts) between `since` and `today`,
 * for jobs that run without an actor (five-colour code, credit re-grade): entity id → count. Entities with
 * none are absent from the map. Reads no personal data.
 */
export async function entityComplaintCounts(
  ctx: ServiceContext,
  input: { districtCode: string; entityIds: readonly number[]; since: string; today: string },
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (input.entityIds.length === 0) return counts;
  // Many ids (a whole district's recompute): one district-wide pass is cheaper than a huge IN list.
  const wanted = input.entityIds.length > 500 ? new Set(input.entityIds) : null;
  const rows = await ctx.db
    .select({
      entityId: complaint.entityId,
      kind: complaint.kind,
      acceptedOn: complaint.acceptedOn,
      caseDecision: complaint.caseDecision,
      caseDecidedOn: complaint.caseDecidedOn,
    })
    .from(complaint)
    .where(
      and(
        eq(complaint.districtCode, input.districtCode),
        isNotNull(complaint.entityId),
        wanted ? undefined : inIds(complaint.entityId, [...input.entityIds]),
        inArray(complaint.kind, ['complaint', 'report']),
        or(sql`${complaint.acceptedOn} >= ${input.since}`, sql`${complaint.caseDecidedOn} >= ${input.since}`),
      ),
    );
  for (const row of rows) {
    const entityId = row.entityId as number;
    if (wanted && !wanted.has(entityId)) continue;
    if (countsInWindow(row, input.since, input.today)) counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  }
  return counts;
}
