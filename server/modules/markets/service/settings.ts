import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { invalidMarketInput } from '../markets.errors.ts';
import type { SettingsBody } from '../markets.schemas.ts';
import { mkSetting } from '../markets.tables.ts';
import { checkMarketSettings, defaultMarketSettings, type MarketSettings, settingOn, withDefaults } from '../rules/market-settings.ts';

/** The settings in force on `day` in a district (the default before any was saved). */
export async function marketSettingsOn(ctx: ServiceContext, districtCode: string, day: string): Promise<MarketSettings> {
  const rows = await ctx.db
    .select()
    .from(mkSetting)
    .where(and(eq(mkSetting.districtCode, districtCode), sql`${mkSetting.effectiveFrom} <= ${day}::date`));
  return settingOn(
    rows.map((row) => ({ effectiveFrom: row.effectiveFrom, value: withDefaults(row.value) })),
    day,
    defaultMarketSettings,
  );
}

export async function getMarketSettings(ctx: ActorContext, day: string) {
  const [row] = await ctx.db
    .select({ effectiveFrom: mkSetting.effectiveFrom })
    .from(mkSetting)
    .where(and(eq(mkSetting.districtCode, ctx.actor.districtCode), sql`${mkSetting.effectiveFrom} <= ${day}::date`))
    .orderBy(sql`${mkSetting.effectiveFrom} desc`)
    .limit(1);
  return { effectiveFrom: row?.effectiveFrom ?? null, ...(await marketSettingsOn(ctx, ctx.actor.districtCode, day)) };
}

const problemMessages = {
  duplicate: { 'zh-CN': '有重复项', en: 'has duplicates' },
  not_ascending: { 'zh-CN': '必须逐级递增', en: 'must rise from one star to the next' },
  empty: { 'zh-CN': '不能为空', en: 'must not be empty' },
} as const;

/** Saves the settings from a day on (the same day again replaces them); earlier days keep theirs. */
export async function saveMarketSettings(ctx: ActorContext, body: SettingsBody) {
  const { effectiveFrom, checklistItems, ...rest } = body;
  // A client that does not send the check-list keeps the one in force on the day.
  const value: MarketSettings = {
    ...rest,
    checklistItems: checklistItems ?? (await marketSettingsOn(ctx, ctx.actor.districtCode, effectiveFrom)).checklistItems,
  };
  const problems = checkMarketSettings(value);
  if (problems.length)
    throw invalidMarketInput(
      {},
      problems.map((problem) => ({ in: 'body', field: problem.field, code: problem.problem, message: problemMessages[problem.problem] })),
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(mkSetting)
      .values({ districtCode: ctx.actor.districtCode, effectiveFrom, value, changedBy: ctx.actor.userId, changedAt: ctx.clock.now() })
      .onConflictDoUpdate({
        target: [mkSetting.districtCode, mkSetting.effectiveFrom],
        set: { value, changedBy: ctx.actor.userId, changedAt: ctx.clock.now() },
      });
    await writeAudit({ ...ctx, db: tx }, { action: 'markets.settings_change', objectType: 'mk_setting', objectId: effectiveFrom });
  });
  return { effectiveFrom, ...value };
}
