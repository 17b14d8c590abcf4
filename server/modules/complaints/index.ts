/**
 * Complaints, reports and petitions 投诉举报 / 信访: the module's only door.
 */

export { complaintNotFound } from './complaints.errors.ts';
export { complaintJobs } from './complaints.jobs.ts';
export { complaintRoutes } from './complaints.routes.ts';
export type { ComplaintStatisticsView, ComplaintView } from './complaints.schemas.ts';
/** Figures of a period (annual report, dashboards): accepted complaints and reports, year on year, petitions, satisfaction. */
export { complaintStatistics } from './service/complaint-statistics.ts';
/** The public form's address for a shop (the public code page links to it): `/public/complaints/new?district=…&entity=<credit code>`. */
export function publicComplaintUrl(districtCode: string, creditCode: string): string {
  return `/public/complaints/new?district=${encodeURIComponent(districtCode)}&entity=${encodeURIComponent(creditCode)}`;
}
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { complaintFigures } from './complaints.figures.ts';
/** Demo items making the 2020 figures of the work summary. */
export { type ComplaintsDemoInput, seedComplaintsDemo } from './demo/complaint-demo.ts';
/** Open, overdue and due-soon counts in the actor's scope (home pages, the big screen). */
export { flagSummary } from './service/complaint-queries.ts';
/** Complaints and reports counting against each business in a window (five-colour code, credit re-grade); rule in rules/substantiated.ts. */
export { entityComplaintCounts } from './service/entity-complaint-counts.ts';
