import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { rcSubject } from '../risk-code.tables.ts';
import type { Colour, ColourFacts } from '../rules/risk-colour.ts';

/**
 * The bulk export of a district's published ratings (open data, in the spirit of the UK FSA ratings API and
 * the LIVES format): every active catering unit with a colour, identified by its unified social credit code
 * and its public page token (both stable). Public facts only — no legal representative, ID number or phone.
 */
export interface ExportRow {
  creditCode: string;
  pageToken: string;
  name: string;
  licenceNumber: string | null;
  address: string;
  streetCode: string;
  lng: number | null;
  lat: number | null;
  colour: Colour;
  riskGrade: string | null;
  dynamicGrade: string | null;
  latestInspectionOn: string | null;
  ratedAt: string | null;
}

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

/** One CSV cell (RFC 4180 quoting of text; a leading =, +, - or @ gets a ' so spreadsheets do not run it as a formula). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV text chunks: a BOM and header, then one line per row (CRLF). */
export async function* csvChunks(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  yield `\uFEFF${exportColumns.join(',')}\r\n`;
  let lines: string[] = [];
  for await (const row of rows) {
    lines.push(exportColumns.map((column) => csvCell(row[column])).join(','));
    if (lines.length === 500) {
      yield `${lines.join('\r\n')}\r\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\r\n')}\r\n`;
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
