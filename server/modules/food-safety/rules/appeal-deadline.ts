import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

/**
 * 等级申诉期限 — the last day an operator may appeal a grade. No Chinese rule found for appeals of a 量化分级
 * grade; modelled on the UK FSA Food Hygiene Rating Scheme (Brand Standard §6: appeal within 14 days, 21 days
 * with weekends ≈ 15 working days; research anchors-international.md). LOCAL SETTING, effective-dated:
 * 15 working days after the inspection, counted with the district's holiday calendar.
 */
export const appealRuleSets = [
  {
    id: 'local-2019',
    effectiveFrom: '2019-01-01',
    effectiveTo: null as string | null,
    workingDays: 15,
    citation: '参照英国 FSA 食品卫生评级申诉规则（14 个自然日）；本局设定 15 个工作日 / local setting modelled on the UK FSA',
    isConfirmed: false,
  },
] as const;

export function appealDeadline(inspectedOn: string, calendar: HolidayCalendar): string {
  const set = appealRuleSets.find(
    (rule) => rule.effectiveFrom <= inspectedOn && (rule.effectiveTo === null || inspectedOn <= rule.effectiveTo),
  );
  return addWorkingDays(inspectedOn, (set ?? appealRuleSets[0]).workingDays, calendar);
}

/** The fields where a shop upload differs from the registry (whitespace and full-width brackets ignored). */
export function uploadDifferences(
  upload: { name: string; address: string; licenceNumber: string | null },
  registry: { name: string; address: string; licenceNumbers: readonly string[] },
): { field: 'name' | 'address' | 'licenceNumber'; uploaded: string; registered: string | null }[] {
  const norm = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
  const out: { field: 'name' | 'address' | 'licenceNumber'; uploaded: string; registered: string | null }[] = [];
  if (norm(upload.name) !== norm(registry.name)) out.push({ field: 'name', uploaded: upload.name, registered: registry.name });
  if (norm(upload.address) !== norm(registry.address))
    out.push({ field: 'address', uploaded: upload.address, registered: registry.address });
  if (upload.licenceNumber !== null && !registry.licenceNumbers.some((number) => norm(number) === norm(upload.licenceNumber as string)))
    out.push({ field: 'licenceNumber', uploaded: upload.licenceNumber, registered: registry.licenceNumbers[0] ?? null });
  return out;
}
