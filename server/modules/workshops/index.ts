/**
 * Small food workshops red/black list 小作坊红黑榜: the module's only door.
 */

export { seedWorkshopsDemo } from './demo/demo-seed.ts';
export { workshopListStatus } from './service/workshops.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { workshopFigures } from './workshops.figures.ts';
export { workshopJobs } from './workshops.jobs.ts';
export { workshopRoutes } from './workshops.routes.ts';
