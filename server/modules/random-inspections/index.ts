/**
 * 双随机、一公开 (random inspections): the module's only door. Routes and jobs for server/app.ts, the demo
 * seed for the demo orchestrator, the credit-history hook other modules plug into, and the pure draw
 * functions (used by the CLI verifier and the benchmark).
 */

/** Demo rows for an existing demo district: a completed 2020 plan and draw with results, a 2021 plan ready to draw. */
export { seedRandomInspectionsDemo, seedRandomInspectionsLaterYears } from './demo/demo.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { randomInspectionFigures } from './random-inspections.figures.ts';
export { randomInspectionJobs } from './random-inspections.jobs.ts';
export { randomInspectionRoutes } from './random-inspections.routes.ts';
export type { CreditClass, CreditRiskHistory } from './rules/credit-risk-class.ts';
/** The verifiable draw (algorithm zhijian-draw/1): commitment, seed, deterministic draw. */
export {
  combineSeed,
  type DrawDocument,
  type DrawInputs,
  drawAlgorithm,
  drawCommitment,
  runDraw,
} from './rules/draw-inspection-sample.ts';
export { sha256Hex } from './rules/rivest-sampler.ts';
/** A module's counts for credit grading (cases, complaints, failed samples…); pass it to randomInspectionJobs. */
export type { CreditHistoryCounts, CreditHistorySource } from './service/credit-classes.ts';
