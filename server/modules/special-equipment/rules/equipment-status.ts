import type { EquipmentStatus } from './equipment-kinds.ts';

/**
 * A change of an equipment's status (在用 / 停用 / 报废), checked against its current one. TSG 08-2017 §2.9–2.10: a user
 * stops equipment for a year or more, or scraps it, and tells the registration authority; stopped equipment returns to
 * use after an inspection, scrapped equipment never does. The change's day cannot precede the current status's day
 * (the history stays in order), and a change must change something.
 */
export type StatusChangeProblem = 'scrapped_is_final' | 'same_status' | 'before_current';

export function statusChangeProblem(
  current: { status: EquipmentStatus; since: string },
  next: { status: EquipmentStatus; since: string },
): StatusChangeProblem | null {
  if (current.status === 'scrapped') return 'scrapped_is_final';
  if (next.status === current.status) return 'same_status';
  if (next.since < current.since) return 'before_current';
  return null;
}
