import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';

/** A business whose failed sample was handed to enforcement: an administrative penalty, or a transfer to the police. */
export interface SamplingReferral {
  entityId: number;
  entityName: string;
  streetCode: string;
  blindCode: string;
  outcome: 'administrative_penalty' | 'transferred_to_police';
  /** The day the handling closed with this outcome: the day of the transfer or the penalty decision. */
  closedOn: string;
}

/**
 * The referrals of a district's failures whose handling closed in a year, one per business and outcome (a business failing twice
 * is one case), oldest first: the cases the enforcement module must hold for the two modules to agree.
 */
export async function samplingReferrals(ctx: ServiceContext, districtCode: string, year: number): Promise<SamplingReferral[]> {
  return queryRows<SamplingReferral>(
    ctx.db,
    sql`select * from (
          select distinct on (h.entity_id, h.outcome) h.entity_id::int as "entityId", s.entity_name as "entityName",
            s.street_code as "streetCode", s.blind_code as "blindCode", h.outcome, h.closed_on::text as "closedOn"
          from failure_handling h join sample s on s.district_code = h.district_code and s.id = h.sample_id
          where h.district_code = ${districtCode} and h.outcome in ('administrative_penalty', 'transferred_to_police')
            and h.closed_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
          order by h.entity_id, h.outcome, h.closed_on, s.id) r
        order by "closedOn", "entityId"`,
  );
}
