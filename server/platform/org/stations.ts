import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { stationStreet } from './org.tables.ts';

/** The station that covers a street (each street has exactly one): where a complaint or a case is routed. */
export async function stationOfStreet(db: Db, districtCode: string, streetCode: string): Promise<number | undefined> {
  const [row] = await db
    .select({ stationId: stationStreet.stationId })
    .from(stationStreet)
    .where(and(eq(stationStreet.districtCode, districtCode), eq(stationStreet.streetCode, streetCode)));
  return row?.stationId;
}
