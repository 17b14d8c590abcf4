/**
 * When the lists are published automatically: on the 1st of each month (China time), the month just ended.
 * Pure: the day in, the period (YYYY-MM) to publish out, or null on other days.
 */
export function previousPeriod(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function periodToPublishOn(day: string): string | null {
  return day.endsWith('-01') ? previousPeriod(day) : null;
}
