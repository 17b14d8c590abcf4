/**
 * Dashboards (capability 15): exports of the home pages' figures, the big screen's revocable tokens and its data.
 * Read-only over the other modules, through their doors and the figures registry. The module's only door.
 */
export { dashboardRoutes } from './dashboards.routes.ts';
