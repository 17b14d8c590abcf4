import { addCalendarDays } from '../../../platform/calendar/working-days.ts';

/** 特种设备安全法 Art. 33: register before first use or within 30 days after it (calendar days). */
export const registrationWindowDays = 30;

/** The last day to register: 30 days after first use. */
export function registrationDeadline(firstUsedOn: string): string {
  return addCalendarDays(firstUsedOn, registrationWindowDays);
}

export const registrationStates = ['registered', 'registered_late', 'pending', 'overdue'] as const;
export type RegistrationState = (typeof registrationStates)[number];

/**
 * The equipment's use registration on `today`: registered (in time, or late), still inside its 30 days, or overdue
 * (the 30 days have passed without registration — on the station's list).
 */
export function registrationState(firstUsedOn: string, registeredOn: string | null, today: string): RegistrationState {
  const deadline = registrationDeadline(firstUsedOn);
  if (registeredOn !== null && registeredOn <= today) return registeredOn <= deadline ? 'registered' : 'registered_late';
  return today > deadline ? 'overdue' : 'pending';
}
