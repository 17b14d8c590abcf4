import { addCalendarDays } from '../../../platform/calendar/working-days.ts';

/**
 * Elevator maintenance: at least once every 15 days (特种设备安全监察条例 Art. 31; TSG T5002-2017 半月维保). A
 * maintenance is missed when more than 15 days have passed since the last one (or since first use, when none was
 * recorded).
 */
export const maintenanceIntervalDays = 15;

export function maintenanceDue(lastMaintainedOn: string | null, firstUsedOn: string): string {
  return addCalendarDays(lastMaintainedOn ?? firstUsedOn, maintenanceIntervalDays);
}

export function isMaintenanceMissed(lastMaintainedOn: string | null, firstUsedOn: string, today: string): boolean {
  return today > maintenanceDue(lastMaintainedOn, firstUsedOn);
}
