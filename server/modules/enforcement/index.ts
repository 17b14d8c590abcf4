/**
 * Enforcement cases 执法办案: the module's only door. Other modules open cases (a report, an inspection, a
 * failed sample, a data comparison) and read an entity's penalties through these functions.
 */

/** Demo cases making the 2020 figures of the work summary. */
export { type DemoReferral, type EnforcementDemoInput, seedEnforcementDemo } from './demo/case-demo.ts';
export { caseNotFound } from './enforcement.errors.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { enforcementFigures } from './enforcement.figures.ts';
export { enforcementRoutes } from './enforcement.routes.ts';
export type { CaseListItem, CaseStatisticsView, CaseView, ViolationType } from './enforcement.schemas.ts';
export { violationTypes } from './enforcement.schemas.ts';
/** The cases of an entity (the entity page): `listCases(ctx, {entityId, page, pageSize})`. */
/** Penalised cases of entities since a day, for the risk level and the five-colour code. */
/** One case file in the actor's scope (caseNotFound outside it): the credit module lists a party from its decision. */
export { type EntityPenaltySummary, entityPenaltySummary, getCase, listCases } from './service/case-queries.ts';
/** Case figures of a period (annual report, dashboards). */
export { caseStatistics } from './service/case-statistics.ts';
/** Opens a case at the lead stage inside the caller's transaction (pass `{...ctx, db: tx}`); returns its id and number. */
/** Moves a case one step on (e.g. 立案 right after a report is verified), inside the caller's transaction. */
export { advanceCase, openCase } from './service/case-writes.ts';
/** An entity's published penalty decisions, no personal data (the public credit record). */
export { type PublishedPenalty, publishedPenaltiesOf } from './service/published-penalties.ts';
