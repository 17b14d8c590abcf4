/**
 * Which complaints and reports count against a business (the five-colour code and the credit re-grade use
 * "complaints in the last 12 months"): a complaint counts from the day it was accepted 受理 (a rejected one never
 * counts, SAMR Order 20 Art. 15); a report 举报 counts from the day a case was opened on it (立案 — the clue held
 * up); a petition 信访 never counts (it is about the bureau's work, not a shop's).
 */
export interface CountableItem {
  kind: 'complaint' | 'report' | 'petition';
  acceptedOn: string | null;
  caseDecision: 'case_opened' | 'no_case' | null;
  caseDecidedOn: string | null;
}

/** The day an item starts to count against its business, or null when it never does. */
export function countsAgainstBusinessFrom(item: CountableItem): string | null {
  if (item.kind === 'complaint') return item.acceptedOn;
  if (item.kind === 'report') return item.caseDecision === 'case_opened' ? item.caseDecidedOn : null;
  return null;
}

/** Whether the item counts in the window starting `since` and ending `today` (both inclusive). */
export function countsInWindow(item: CountableItem, since: string, today: string): boolean {
  const from = countsAgainstBusinessFrom(item);
  return from !== null && from >= since && from <= today;
}
