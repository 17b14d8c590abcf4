/**
 * Product quality and brands 质量提升 (capability 17): safety-related product makers graded, CCC-exempt follow-up,
 * 品字标浙江制造 firms and IP and brand statistics. The module's only door.
 */

/** The demo district's firms, IP facts, makers and exemptions (after the risk-code demo). */
export { type ProductQualityDemoInput, seedProductQualityDemo } from './demo/demo-seed.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { productQualityFigures } from './product-quality.figures.ts';
/** Scheduled work (the jobs platform, server/platform/jobs): the nightly maker re-grade. */
export { makerRegradeJob, productQualityJobs } from './product-quality.jobs.ts';
export { productQualityRoutes } from './product-quality.routes.ts';
