import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../http/context.ts';
import { district, orgUnit } from '../org/org.tables.ts';
import type { MeView } from './auth.schemas.ts';
import { appUser } from './auth.tables.ts';

/** The signed-in user as the web app shows them. */
export async function describeMe(ctx: ActorContext): Promise<MeView> {
  const [row] = await ctx.db
    .select({ user: appUser, districtName: district.name, orgUnitName: orgUnit.name })
    .from(appUser)
    .innerJoin(district, eq(district.code, appUser.districtCode))
    .leftJoin(orgUnit, and(eq(orgUnit.districtCode, appUser.districtCode), eq(orgUnit.id, appUser.orgUnitId)))
    .where(and(eq(appUser.districtCode, ctx.actor.districtCode), eq(appUser.id, ctx.actor.userId)));
  if (!row) throw new Error('signed-in user vanished');
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    districtCode: row.user.districtCode,
    districtName: row.districtName,
    roles: row.user.roles,
    orgUnitId: row.user.orgUnitId,
    orgUnitName: row.orgUnitName,
    totpEnabled: row.user.totpEnabled,
    language: row.user.language,
    mustChangePassword: row.user.mustChangePassword,
  };
}
