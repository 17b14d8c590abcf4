import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { systemDistrict, writeAudit } from '../audit/audit.service.ts';
import type { ServiceContext } from '../http/context.ts';

/**
 * Re-encryption after a data-key rotation, while the application keeps serving. Every column that holds a
 * ciphertext follows one convention — its name ends in `_enc`, and its blind index, if it has one, is the same
 * name ending in `_blind` — plus the platform's own `app_user.totp_secret`. Rows are taken in primary-key order,
 * a small batch per transaction, each value opened with whichever key sealed it (both keys are readable during a
 * rotation), sealed again with the current key and re-indexed; the update only applies if the value is still the
 * one read, so a change made meanwhile by a user is never overwritten.
 */
export interface SealedColumn {
  table: string;
  column: string;
  blindColumn?: string;
  keyColumns: string[];
}

export async function sealedColumns(ctx: Pick<ServiceContext, 'db'>): Promise<SealedColumn[]> {
  const rows = await queryRows<{ table_name: string; column_name: string; blind: string | null; key_columns: string[] }>(
    ctx.db,
    sql`select c.table_name, c.column_name,
          (select b.column_name from information_schema.columns b
            where b.table_schema = c.table_schema and b.table_name = c.table_name
              and b.column_name = left(c.column_name, length(c.column_name) - 4) || '_blind') as blind,
          (select coalesce(array_agg(k.column_name::text order by k.ordinal_position), '{}')
             from information_schema.table_constraints t
             join information_schema.key_column_usage k
               on k.constraint_name = t.constraint_name and k.table_schema = t.table_schema and k.table_name = t.table_name
            where t.table_schema = c.table_schema and t.table_name = c.table_name and t.constraint_type = 'PRIMARY KEY') as key_columns
        from information_schema.columns c
        where c.table_schema = 'public' and c.data_type = 'text'
          and (c.column_name like '%\\_enc' or (c.table_name = 'app_user' and c.column_name = 'totp_secret'))
        order by c.table_name, c.column_name`,
  );
  return rows
    .filter((row) => row.key_columns.length)
    .map((row) => ({
      table: row.table_name,
      column: row.column_name,
      keyColumns: row.key_columns,
      ...(row.blind ? { blindColumn: row.blind } : {}),
    }));
}

export interface ResealCounts {
  resealed: number;
  /** Made with a key this process does not hold: left as they are, and counted, for the operator to look into. */
  unreadable: number;
}

/** One batch of one column after the key `after` (undefined: from the start). Returns the last key it saw. */
export async function resealBatch(
  ctx: ServiceContext,
  target: SealedColumn,
  after: unknown[] | undefined,
  batchSize: number,
): Promise<ResealCounts & { last?: unknown[] }> {
  const table = sql.identifier(target.table);
  const column = sql.identifier(target.column);
  const keys = sql.join(
    target.keyColumns.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const afterKey = after
    ? sql`and (${keys}) > (${sql.join(
        after.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : sql``;
  const isCurrent = `v1.${ctx.crypto.keyId}.%`;
  return ctx.db.transaction(async (tx) => {
    const rows = await queryRows<Record<string, unknown>>(
      tx,
      sql`select ${keys}, ${column} as sealed from ${table}
          where ${column} is not null and ${column} not like ${isCurrent} ${afterKey} order by ${keys} limit ${batchSize}`,
    );
    const counts = { resealed: 0, unreadable: 0 };
    for (const row of rows) {
      const sealed = String(row.sealed);
      let plaintext: string;
      try {
        plaintext = ctx.crypto.decrypt(sealed);
      } catch {
        counts.unreadable += 1;
        continue;
      }
      const sets: SQL[] = [sql`${column} = ${ctx.crypto.encrypt(plaintext)}`];
      if (target.blindColumn) sets.push(sql`${sql.identifier(target.blindColumn)} = ${ctx.crypto.blindIndex(plaintext)}`);
      const sameRow = sql.join(
        target.keyColumns.map((name) => sql`${sql.identifier(name)} = ${row[name]}`),
        sql` and `,
      );
      await tx.execute(sql`update ${table} set ${sql.join(sets, sql`, `)} where ${sameRow} and ${column} = ${sealed}`);
      counts.resealed += 1;
    }
    const lastRow = rows.at(-1);
    return { ...counts, ...(lastRow ? { last: target.keyColumns.map((name) => lastRow[name]) } : {}) };
  });
}

/**
 * Re-seals every ciphertext made with another key, batch by batch with a short pause between batches so that
 * requests go on being served, then records the run in the audit trail. Safe to run again (it skips what is done)
 * and to interrupt (the next run picks up what is left).
 */
export async function resealAll(
  ctx: ServiceContext,
  options: { batchSize?: number; pauseMs?: number; betweenBatches?: () => Promise<void> } = {},
): Promise<ResealCounts & { columns: number }> {
  const batchSize = options.batchSize ?? 500;
  const totals = { resealed: 0, unreadable: 0 };
  const columns = await sealedColumns(ctx);
  for (const target of columns) {
    let after: unknown[] | undefined;
    for (;;) {
      const batch = await resealBatch(ctx, target, after, batchSize);
      totals.resealed += batch.resealed;
      totals.unreadable += batch.unreadable;
      if (!batch.last) break;
      after = batch.last;
      await (options.betweenBatches?.() ?? new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 20)));
    }
  }
  await writeAudit(ctx, {
    action: 'crypto.reseal',
    districtCode: systemDistrict,
    detail: { keyId: ctx.crypto.keyId, columns: columns.length, ...totals },
  });
  return { ...totals, columns: columns.length };
}
