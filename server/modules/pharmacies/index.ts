/**
 * Pharmacies as epidemic sentinels 药情每日通 (issue 17): buyer registration at the counter and from POS systems,
 * daily reporting, the epidemic team's view, alarms and follow-up list, service points, POS keys, the bureau's settings. The module's only door.
 */

/** The demo's registrations (2020 epidemic curve and later years), reports and service points. */
export { seedPharmaciesDemo } from './demo/demo-seed.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { pharmacyFigures } from './pharmacies.figures.ts';
/** The nightly purge past the retention period and the hourly EARS sweep. */
export { pharmacyJobs } from './pharmacies.jobs.ts';
export { pharmacyRoutes } from './pharmacies.routes.ts';
