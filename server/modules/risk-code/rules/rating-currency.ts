/**
 * "Rating may be out of date": the latest inspection is older than the routine inspection interval of the
 * unit's risk grade (CFDA 2016 风险分级 Art. 20 / SAMR Order 49: A ≥ 1 a year … D 3–4 a year; the months come
 * from food-safety's grading rule set in force). No grade → the longest interval given.
 */
export function isRatingOutOfDate(input: { lastInspectedOn: string | null; intervalMonths: number; today: string }): boolean {
  if (input.lastInspectedOn === null) return false;
  const [year, month, day] = input.lastInspectedOn.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + input.intervalMonths;
  const dueYear = Math.floor(total / 12);
  const dueMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(dueYear, dueMonth, 0)).getUTCDate();
  const due = `${dueYear}-${String(dueMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return input.today > due;
}
