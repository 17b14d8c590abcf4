/** The same calendar day a year earlier, for "the past 12 months" windows: 29 February falls back to 28 February. */
export function yearBefore(day: string): string {
  const shifted = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return shifted.endsWith('-02-29') ? shifted.replace('-02-29', '-02-28') : shifted;
}
