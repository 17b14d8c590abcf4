/**
 * The handling of an EARS alarm (issue 17: "alarms with a workflow (seen, investigated, closed with a note)"):
 * raised → seen → investigating → closed. The epidemic team may skip ahead (close a raised alarm that is plainly a
 * data error, with the note saying so) but never go back; a closed alarm stays closed, and a later signal of the
 * same area and day only updates its numbers while it is open. Investigating and closing need a note.
 */
export const alarmStatuses = ['raised', 'seen', 'investigating', 'closed'] as const;
export type AlarmStatus = (typeof alarmStatuses)[number];
export const alarmActions = ['see', 'investigate', 'close'] as const;
export type AlarmAction = (typeof alarmActions)[number];

const target: Record<AlarmAction, AlarmStatus> = { see: 'seen', investigate: 'investigating', close: 'closed' };

/** The status after `action`, or null when the action is not allowed from `current`. */
export function nextAlarmStatus(current: AlarmStatus, action: AlarmAction): AlarmStatus | null {
  const next = target[action];
  return alarmStatuses.indexOf(next) > alarmStatuses.indexOf(current) ? next : null;
}

export const isNoteRequired = (action: AlarmAction) => action !== 'see';

/** The detectors that fire on the last day: C1 > 3, C2 > 3, C3 > 2 (CDC thresholds, rules/ears.ts). */
export function firingDetectors(last: { c1: number | null; c2: number | null; c3: number | null }): ('C1' | 'C2' | 'C3')[] {
  const firing: ('C1' | 'C2' | 'C3')[] = [];
  if (last.c1 !== null && last.c1 > 3) firing.push('C1');
  if (last.c2 !== null && last.c2 > 3) firing.push('C2');
  if (last.c3 !== null && last.c3 > 2) firing.push('C3');
  return firing;
}
