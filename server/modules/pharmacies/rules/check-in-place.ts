/**
 * Where a pharmacist checked in, against the pharmacy's place on the register (阳光药师: the check-in is "on the spot",
 * as Ruian's and Wuhu's GPS clock-ins are). Distance on the WGS-84 sphere (haversine, mean Earth radius 6,371,008.8 m,
 * IUGG); a phone's fix is good to tens of metres, so the bureau's radius (rules/pharmacy-settings.ts, 300 m by default)
 * is generous. A check-in without a fix, or at a pharmacy without coordinates, has no distance and is not flagged.
 */
const earthRadiusMetres = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export interface Place {
  lng: number;
  lat: number;
}

/** The great-circle distance in whole metres. */
export function distanceMetres(from: Place, to: Place): number {
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** The check-in's distance from the pharmacy (null when either place is unknown) and whether it is beyond the radius. */
export function checkInPlace(
  phone: Partial<Place> | null,
  pharmacy: { lng: number | null; lat: number | null },
  radiusMetres: number,
): { distanceMetres: number | null; isAway: boolean } {
  if (phone?.lng == null || phone.lat == null || pharmacy.lng === null || pharmacy.lat === null)
    return { distanceMetres: null, isAway: false };
  const distance = distanceMetres({ lng: phone.lng, lat: phone.lat }, { lng: pharmacy.lng, lat: pharmacy.lat });
  return { distanceMetres: distance, isAway: distance > radiusMetres };
}
