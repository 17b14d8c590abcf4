import type { Readable } from 'node:stream';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { csvStream, csvText } from '../../../platform/spreadsheets/csv.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import type { OpenRating } from '../risk-code.schemas.ts';
import { rcSubject } from '../risk-code.tables.ts';
import type { Colour, ColourFacts } from '../rules/risk-colour.ts';

/**
 * The bulk export of a district's published ratings (open data, in the spirit of the UK FSA ratings API and
 * the LIVES format): every active catering unit with a colour, identified by its unified social credit code
 * and its public page token (both stable). Public facts only — no legal representative, ID number or phone.
 */
export type ExportRow = OpenRating;

export const exportColumns = [
  'creditCode',
  'pageToken',
  'name',
  'licenceNumber',
  'address',
  'streetCode',
  'lng',
  'lat',
  'colour',
  'riskGrade',
  'dynamicGrade',
  'latestInspectionOn',
  'ratedAt',
] as const satisfies readonly (keyof ExportRow)[];

/** Rows of a district in entity order, read 2,000 at a time (keyset paging), so memory stays flat. */
export async function* exportRows(ctx: ServiceContext, district: string, batch = 2000): AsyncGenerator<ExportRow> {
  let after = 0;
  for (;;) {
    const rows = await ctx.db
      .select({
        entityId: rcSubject.entityId,
        token: rcSubject.token,
        colour: rcSubject.colour,
        facts: rcSubject.facts,
        computedAt: rcSubject.computedAt,
      })
      .from(rcSubject)
      .where(
        and(
          eq(rcSubject.districtCode, district),
          eq(rcSubject.businessCategory, 'catering'),
          isNull(rcSubject.revokedAt),
          sql`${rcSubject.colour} is not null`,
          gt(rcSubject.entityId, after),
        ),
      )
      .orderBy(asc(rcSubject.entityId))
      .limit(batch);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.entityId ?? after;
    const profiles = new Map(
      (await entityPublicProfiles(ctx, district, { entityIds: rows.map((row) => row.entityId) })).map((profile) => [profile.id, profile]),
    );
    for (const row of rows) {
      const profile = profiles.get(row.entityId);
      if (profile?.status !== 'active') continue;
      const facts = row.facts as ColourFacts;
      yield {
        creditCode: profile.creditCode,
        pageToken: row.token,
        name: profile.name,
        licenceNumber: profile.licenceNumber,
        address: profile.address,
        streetCode: profile.streetCode,
        lng: profile.lng,
        lat: profile.lat,
        colour: row.colour as Colour,
        riskGrade: facts.riskGrade ?? null,
        dynamicGrade: facts.dynamicGrade ?? null,
        latestInspectionOn: facts.latestInspection?.on ?? null,
        ratedAt: row.computedAt?.toISOString() ?? null,
      };
    }
    if (rows.length < batch) return;
  }
}

/** The bulk CSV, streamed through the one CSV writer. */
export function ratingsCsvStream(rows: AsyncIterable<ExportRow>): Readable {
  return csvStream(exportColumns, rows);
}

/** One page of ratings as CSV (`/api/open/v1/ratings?format=csv`): the same columns as the bulk export. */
export function ratingsCsv(items: readonly ExportRow[]): string {
  return csvText(
    exportColumns,
    items.map((item) => exportColumns.map((column) => item[column])),
  );
}

/** JSON text chunks: `{"district":…,"generatedAt":…,"columns":[…],"items":[{…},…]}`. */
export async function* jsonChunks(rows: AsyncIterable<ExportRow>, head: { district: string; generatedAt: string }): AsyncGenerator<string> {
  yield `{"district":${JSON.stringify(head.district)},"generatedAt":${JSON.stringify(head.generatedAt)},"items":[`;
  let first = true;
  let buffer: string[] = [];
  for await (const row of rows) {
    buffer.push(`${first ? '' : ','}\n${JSON.stringify(row)}`);
    first = false;
    if (buffer.length === 500) {
      yield buffer.join('');
      buffer = [];
    }
  }
  yield `${buffer.join('')}\n]}\n`;
}
