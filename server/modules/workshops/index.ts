/**
 * Small food workshops red/black list 小作坊红黑榜: the module's only door.
 */

export { seedWorkshopsDemo } from './service/demo-seed.ts';
export { workshopListStatus } from './service/workshops.ts';
export { workshopJobs } from './workshops.jobs.ts';
export { workshopRoutes } from './workshops.routes.ts';
