import { addMonths } from '../../../../shared/calendar-day.ts';
import type { EquipmentStatus } from './equipment-kinds.ts';
import { dueFlag } from './inspection-cycle.ts';
import { registrationDeadline } from './use-registration.ts';

/**
 * What the daily reminder job tells a special-equipment user about one piece of equipment on `today`
 * (特种设备安全法 Art. 40: ask the inspection body for the periodic inspection one month before it falls due;
 * Art. 33: register within 30 days of first use):
 * - `inspection_due_soon` from one month before the next periodic inspection until its day;
 * - `inspection_overdue` once that day has passed;
 * - `registration_overdue` once the 30 days after first use have passed without registration.
 * Only equipment in use is reminded. Each reminder carries the due day it is about: the job sends one per equipment,
 * kind and due day, so a later due day (after the next inspection) is reminded again.
 */
export const reminderKinds = ['inspection_due_soon', 'inspection_overdue', 'registration_overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export interface ReminderFacts {
  status: EquipmentStatus;
  nextDueOn: string;
  firstUsedOn: string;
  registeredOn: string | null;
}

export function remindersDue(equipment: ReminderFacts, today: string): { kind: ReminderKind; dueOn: string }[] {
  if (equipment.status !== 'in_use') return [];
  const due: { kind: ReminderKind; dueOn: string }[] = [];
  const flag = dueFlag(equipment.nextDueOn, today);
  if (flag === 'due_soon') due.push({ kind: 'inspection_due_soon', dueOn: equipment.nextDueOn });
  if (flag === 'overdue') due.push({ kind: 'inspection_overdue', dueOn: equipment.nextDueOn });
  const deadline = registrationDeadline(equipment.firstUsedOn);
  if ((equipment.registeredOn === null || equipment.registeredOn > today) && today > deadline)
    due.push({ kind: 'registration_overdue', dueOn: deadline });
  return due;
}

/** The first day the job reminds of an inspection falling due on `nextDueOn`. */
export const reminderStartsOn = (nextDueOn: string) => addMonths(nextDueOn, -1);
