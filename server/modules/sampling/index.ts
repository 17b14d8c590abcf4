/**
 * Sampling inspection 抽检 (with 抽检分离 blind testing): the module's only door. Other modules read failed
 * samples through these functions, never through the tables.
 */

/** The demo's industrial products of the 2020 plan (15 categories, 27 products): product-quality's demo catalogue. */
export { type DemoProduct, demoIndustrialProducts } from './demo/demo-catalogue.ts';
/** The district's sampling after 2020, year by year (demo). */
export { type SamplingYearDemo, seedSamplingLaterYears } from './demo/demo-later-years.ts';
/** Inserts the demo district's sampling data (plans, 2020 results, campaigns, work in progress). */
export { type SamplingDemoInput, seedSamplingDemo } from './demo/demo-seed.ts';
/** Batches done over batches planned, as the sampling pages show it ("45.5", null with no target). */
export { completionPercent as samplingCompletionPercent } from './rules/pass-rate.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { samplingFigures } from './sampling.figures.ts';
export { samplingRoutes } from './sampling.routes.ts';
/** An entity's unqualified final results, newest first, with their handling status (actor's scope). */
export { type FailedSample, failedSampleCounts, failedSamplesOf } from './service/failed-samples.ts';
/** Handling of failed samples in the actor's scope (alerts on the home pages and the big screen). */
export { listHandling } from './service/handling.ts';
/** A year's industrial plans, targets and batches done per link, category and product (product-quality's catalogue view). */
export { type IndustrialPlanBatches, industrialPlanBatches } from './service/plan-batches.ts';
/** Failures handed to enforcement in a year (penalty, police), one per business: the demo's cases are made from them. */
export { type SamplingReferral, samplingReferrals } from './service/referrals.ts';
/** Batches, qualified and pass rates of a year by category, product, link and month (annual report). */
export { samplingStatistics } from './service/statistics.ts';
