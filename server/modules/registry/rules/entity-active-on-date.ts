/**
 * Whether an entity is on the register on day D (a 存续 count for statistics): founded on or before D
 * and not yet left it — cancelled 注销, revoked 吊销 or moved out 迁出 — on or before D. Dates are
 * ISO 'YYYY-MM-DD' strings, which compare correctly as text.
 */
export function isActiveOnDate(entity: { foundedOn: string; endedOn: string | null }, day: string): boolean {
  return entity.foundedOn <= day && (entity.endedOn === null || entity.endedOn > day);
}

/** The same calendar day one year earlier; 29 February falls back to 28 February. */
export function sameDayYearEarlier(day: string): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const previousYear = year - 1;
  const isLeap = (previousYear % 4 === 0 && previousYear % 100 !== 0) || previousYear % 400 === 0;
  const clampedDay = month === 2 && dayOfMonth === 29 && !isLeap ? 28 : dayOfMonth;
  return `${String(previousYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clampedDay).padStart(2, '0')}`;
}
