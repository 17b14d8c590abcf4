import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * The next running number of a series (e.g. `AJ2020` for the cases of 2020) in a district, inside the
 * caller's transaction. The upsert locks the series row until the transaction ends, so two documents
 * created at the same moment get consecutive numbers instead of one failing on a duplicate.
 * `highestInUse` lets a series start after numbers already given (imported or demo rows).
 */
export async function nextInSeries(db: Db, districtCode: string, series: string, highestInUse: number): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    db,
    sql`insert into document_counter (district_code, series, last_value) values (${districtCode}, ${series}, ${highestInUse + 1})
        on conflict (district_code, series) do update set last_value = greatest(document_counter.last_value, ${highestInUse}) + 1
        returning last_value`,
  );
  if (!row) throw new Error('document counter returned nothing');
  return Number(row.last_value);
}
