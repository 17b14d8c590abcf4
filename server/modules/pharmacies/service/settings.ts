import { desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { SettingsBody, SettingsView } from '../pharmacies.schemas.ts';
import { phSetting } from '../pharmacies.tables.ts';
import { checkSettings, defaultPharmacySettings, type PharmacySettings, settingsOn } from '../rules/pharmacy-settings.ts';

async function settingRows(ctx: Pick<ServiceContext, 'db'>, districtCode: string) {
  return ctx.db
    .select()
    .from(phSetting)
    .where(eq(phSetting.districtCode, districtCode))
    .orderBy(desc(phSetting.effectiveFrom), desc(phSetting.id))
    .limit(200);
}

/** The bureau's pharmacy settings in force in a district on a day (the defaults until the bureau sets its own). */
export async function pharmacySettingsOn(ctx: Pick<ServiceContext, 'db'>, districtCode: string, day: string): Promise<PharmacySettings> {
  return settingsOn(await settingRows(ctx, districtCode), day).settings;
}

/** The settings in force today in the actor's district, the changes (newest first) and the defaults. */
export async function getSettings(ctx: ActorContext): Promise<SettingsView> {
  const rows = await settingRows(ctx, ctx.actor.districtCode);
  const today = todayInChina(ctx.clock.now());
  const { setting, settings } = settingsOn(rows, today);
  return {
    today,
    settings,
    effectiveFrom: setting?.effectiveFrom ?? null,
    isDefault: setting === null,
    defaults: defaultPharmacySettings,
    history: rows.map((row) => ({
      id: row.id,
      effectiveFrom: row.effectiveFrom,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      settings: { ...defaultPharmacySettings, ...row.settings },
    })),
  };
}

/** A change of the settings from a date (never before today: a past day stays judged by the rule of its day). */
export async function saveSettings(ctx: ActorContext, body: SettingsBody): Promise<SettingsView> {
  const { effectiveFrom, note, ...settings } = body;
  const today = todayInChina(ctx.clock.now());
  const problems = checkSettings(settings).map((problem) => ({ in: 'body', ...problem }));
  if (effectiveFrom < today)
    problems.push({
      in: 'body',
      field: 'effectiveFrom',
      code: 'past',
      message: { 'zh-CN': '生效日期不能早于今天', en: 'must not be before today' },
    });
  if (problems.length) throw invalidRequest({}, problems);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(phSetting)
      .values({ districtCode: ctx.actor.districtCode, effectiveFrom, settings, note: note ?? '', createdBy: ctx.actor.userId })
      .returning({ id: phSetting.id });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'pharmacies.settings_change', objectType: 'ph_setting', objectId: row?.id, detail: { effectiveFrom, ...settings } },
    );
  });
  return getSettings(ctx);
}
