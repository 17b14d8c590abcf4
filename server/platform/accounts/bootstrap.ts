import { and, asc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { advisoryKey } from '../../db/client.ts';
import { appUser } from '../auth/auth.tables.ts';
import type { ServiceContext } from '../http/context.ts';
import { district, orgUnit } from '../org/org.tables.ts';
import { createUser } from './accounts.service.ts';

export interface BootstrapResult {
  /** Set only on the start that created the admin without a configured password: shown once. */
  generatedAdminPassword?: string;
  isAdminCreated: boolean;
}

/**
 * First start: the configured district with its bureau, and the account `admin`, whose password is
 * ZHIJIAN_ADMIN_PASSWORD or a random one returned (to be printed once). Several processes starting together
 * on one database take turns (an advisory lock), so there is one bureau and one admin.
 */
export async function bootstrapDeployment(ctx: ServiceContext, config: Config): Promise<BootstrapResult> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${advisoryKey('zhijian:bootstrap')})`);
    return bootstrapOnce({ ...ctx, db: tx }, config);
  });
}

async function bootstrapOnce(ctx: ServiceContext, config: Config): Promise<BootstrapResult> {
  const code = config.ZHIJIAN_DISTRICT_CODE;
  await ctx.db
    .insert(district)
    .values({
      code,
      name: config.ZHIJIAN_DISTRICT_NAME,
      nameEn: config.ZHIJIAN_DISTRICT_NAME,
      cityCode: `${code.slice(0, 4)}00`,
      provinceCode: `${code.slice(0, 2)}0000`,
    })
    .onConflictDoNothing();
  let [bureau] = await ctx.db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, code), eq(orgUnit.kind, 'bureau')))
    .orderBy(asc(orgUnit.id))
    .limit(1);
  if (!bureau) {
    [bureau] = await ctx.db
      .insert(orgUnit)
      .values({
        districtCode: code,
        kind: 'bureau',
        name: `${config.ZHIJIAN_DISTRICT_NAME}市场监督管理局`,
        nameEn: 'District Market Supervision Bureau',
      })
      .returning();
  }
  const [admin] = await ctx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'admin'));
  if (admin) return { isAdminCreated: false };
  const created = await createUser(ctx, {
    districtCode: code,
    username: 'admin',
    displayName: '系统管理员',
    roles: ['admin'],
    orgUnitId: bureau?.id ?? null,
    ...(config.ZHIJIAN_ADMIN_PASSWORD ? { passwordOverride: config.ZHIJIAN_ADMIN_PASSWORD } : {}),
  });
  return {
    isAdminCreated: true,
    ...(config.ZHIJIAN_ADMIN_PASSWORD ? {} : { generatedAdminPassword: created.initialPassword }),
  };
}
