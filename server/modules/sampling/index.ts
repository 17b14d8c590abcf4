/**
 * Sampling inspection 抽检 (with 抽检分离 blind testing): the module's only door. Other modules read failed
 * samples through these functions, never through the tables.
 */

export { samplingRoutes } from './sampling.routes.ts';
/** Inserts the demo district's sampling data (plans, 2020 results, campaigns, work in progress). */
export { type SamplingDemoInput, seedSamplingDemo } from './service/demo-seed.ts';
/** An entity's unqualified final results, newest first, with their handling status (actor's scope). */
export { type FailedSample, failedSampleCounts, failedSamplesOf } from './service/failed-samples.ts';
/** Batches, qualified and pass rates of a year by category, product, link and month (annual report). */
export { samplingStatistics } from './service/statistics.ts';
