/**
 * The bureau's settings for 药情每日通 and 阳光药师. No national or provincial rule was found for any of them
 * (../shared/research/anchors-china-rules.md §9 lists them as the bureau's to decide), so these are documented
 * local defaults that section staff change on the settings page; each change takes effect from a date, and a day
 * is judged by the setting in force on it.
 * - reportCutOff: a pharmacy without a report of the day by this China time is flagged to its station (the 2020
 *   notice asked for the day's list "before closing"; 20:00).
 * - opensAt, closesAt, toleranceMinutes: the pharmacist's duty (rules/attendance.ts).
 * - checkInRadiusMetres: a check-in farther than this from the pharmacy's registered place is flagged.
 * - retentionDays: buyer registrations older than this are purged, their counts kept (service/retention.ts);
 *   PIPL Art. 19 asks for the shortest time the purpose needs. At least 60 days: the EARS baseline reads 40 days back.
 * - masks, alcohol, thermometers: the shortage thresholds (rules/supply-shortage.ts).
 */
export interface PharmacySettings {
  reportCutOff: string;
  opensAt: string;
  closesAt: string;
  toleranceMinutes: number;
  checkInRadiusMetres: number;
  retentionDays: number;
  shortageThresholds: { masks: number; alcohol: number; thermometers: number };
}

export const defaultPharmacySettings: PharmacySettings = {
  reportCutOff: '20:00',
  opensAt: '08:00',
  closesAt: '20:00',
  toleranceMinutes: 30,
  checkInRadiusMetres: 300,
  retentionDays: 1095,
  shortageThresholds: { masks: 200, alcohol: 10, thermometers: 5 },
};

export const minimumRetentionDays = 60;

export interface SettingsProblem {
  field: string;
  code: string;
  message: { 'zh-CN': string; en: string };
}

const minutesOf = (time: string) => {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** Every inconsistency of a settings proposal (the schema has checked types and ranges). */
export function checkSettings(settings: PharmacySettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const opens = minutesOf(settings.opensAt);
  const closes = minutesOf(settings.closesAt);
  for (const field of ['reportCutOff', 'opensAt', 'closesAt'] as const)
    if (minutesOf(settings[field]) === null)
      problems.push({ field, code: 'time', message: { 'zh-CN': '时间格式应为 HH:MM', en: 'must be a time HH:MM' } });
  if (opens !== null && closes !== null && closes <= opens)
    problems.push({
      field: 'closesAt',
      code: 'order',
      message: { 'zh-CN': '打烊时间应晚于开门时间', en: 'must be after the opening time' },
    });
  else if (opens !== null && closes !== null && settings.toleranceMinutes * 2 >= closes - opens)
    problems.push({
      field: 'toleranceMinutes',
      code: 'too_long',
      message: { 'zh-CN': '容差应短于营业时长的一半', en: 'must be shorter than half the opening hours' },
    });
  if (settings.retentionDays < minimumRetentionDays)
    problems.push({
      field: 'retentionDays',
      code: 'too_short',
      message: {
        'zh-CN': `保存期限至少${minimumRetentionDays}天（预警基线需要）`,
        en: `must be at least ${minimumRetentionDays} days (the alarm baseline needs them)`,
      },
    });
  return problems;
}

/** The settings in force on `day`: the latest change effective on or before it, or the defaults. */
export function settingsOn<T extends { effectiveFrom: string; id: number; settings: PharmacySettings }>(
  rows: readonly T[],
  day: string,
): { setting: T | null; settings: PharmacySettings } {
  const inForce = rows
    .filter((row) => row.effectiveFrom <= day)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.id - a.id : b.effectiveFrom.localeCompare(a.effectiveFrom)))[0];
  return { setting: inForce ?? null, settings: inForce ? { ...defaultPharmacySettings, ...inForce.settings } : defaultPharmacySettings };
}
