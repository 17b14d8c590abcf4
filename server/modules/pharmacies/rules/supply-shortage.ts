import { supplyItems } from '../../../../shared/vocabularies/pharmacies.ts';

/**
 * Epidemic supplies at a pharmacy: a stock under its threshold is a shortage the station follows up. No official
 * threshold was found; these defaults (a day's sales at a typical shop in February 2020) are the bureau's
 * setting's defaults (rules/pharmacy-settings.ts). A pharmacy whose last report is older than `staleAfterDays` counts as unknown, not as stocked.
 */
export { supplyItems };
export type SupplyItem = (typeof supplyItems)[number];
export const defaultShortageThresholds: Record<SupplyItem, number> = { masks: 200, alcohol: 10, thermometers: 5 };
export const staleAfterDays = 2;

/** The items under their threshold, in the list's order. */
export function shortages(
  stock: Record<SupplyItem, number>,
  thresholds: Record<SupplyItem, number> = defaultShortageThresholds,
): SupplyItem[] {
  return supplyItems.filter((item) => stock[item] < thresholds[item]);
}
