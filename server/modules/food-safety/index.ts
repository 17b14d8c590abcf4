/**
 * Food-safety smart supervision 食品安全智慧监管系统 (issue 3): food handlers and health certificates with expiry
 * warnings, staff statistics, and the pure grading / risk-grading / data-comparison rules. The module's only door.
 */

/** Inserts the demo district's food handlers and certificates (deterministic given `random`). */
export { seedFoodSafetyDemo } from './demo/demo-seed.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { foodSafetyFigures } from './food-safety.figures.ts';
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
/** Units due or overdue for inspection and open certificate warnings, in the actor's scope (alerts). */
export { listDue } from './service/due-lists.ts';
/** The daily expiry job's work, callable for benchmarks: warnings as of `day` for every district. */
export { listWarnings, runExpiryWarnings } from './service/expiry-warnings.ts';
/** Grades and food-safety facts for other modules (the five-colour code): see service/grades.ts. */
export { type GradeFacts, gradeFacts, type LatestGrade, latestGradeOf, regradeSeriouslyListed } from './service/grades.ts';
/** Inspector consistency 干好干坏不一样 of a year: per inspector and station (leaders and section staff). */
export { inspectorConsistency as inspectorConsistencyOf } from './service/inspector-consistency.ts';
/** 从业人员统计 on any date: people employed that day by the certificate they held (dashboards, annual report). */
export { staffStatistics } from './service/staff-statistics.ts';
