/**
 * 放心消费 units (issue 20): model shops, online shops and factories with their commitments; application, the station's
 * review, yearly review and removal past the thresholds; the public list. The module's only door.
 */
export { consumerConfidenceFigures } from './consumer-confidence.figures.ts';
export { consumerConfidenceJobs } from './consumer-confidence.jobs.ts';
export { consumerConfidenceRoutes } from './consumer-confidence.routes.ts';
export { seedConsumerConfidenceDemo } from './demo/demo-seed.ts';
