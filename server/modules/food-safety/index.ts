/**
 * Food-safety smart supervision 食品安全智慧监管系统 (issue 3): food handlers and health certificates with expiry
 * warnings, staff statistics, and the pure grading / risk-grading / data-comparison rules. The module's only door.
 */
export { foodSafetyJobs } from './food-safety.jobs.ts';
export { foodSafetyRoutes } from './food-safety.routes.ts';
/** Pure rules other modules (five-colour code, public page, dashboards) may apply. */
export { annualGrade } from './rules/annual-grade.ts';
export { dynamicGrade } from './rules/dynamic-grade.ts';
export { gradingBlackout } from './rules/grading-blackout.ts';
export { gradingRulesFor } from './rules/grading-rule-sets.ts';
export { nextInspectionDue, riskGrade } from './rules/risk-grade.ts';
export { runComparison } from './rules/supervision-comparison.ts';
/** The comparison run (nightly job body), callable for benchmarks. */
export { runFindings, runNightlyComparison } from './service/comparison.ts';
/** Inserts the demo district's food handlers and certificates (deterministic given `random`). */
export { seedFoodSafetyDemo } from './service/demo-seed.ts';
/** The daily expiry job's work, callable for benchmarks: warnings as of `day` for every district. */
export { runExpiryWarnings } from './service/expiry-warnings.ts';
/** Grades and food-safety facts for other modules (the five-colour code): see service/grades.ts. */
export { type GradeFacts, gradeFacts, type LatestGrade, latestGradeOf } from './service/grades.ts';
