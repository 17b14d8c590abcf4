import { lazy } from 'react';

export const AnnualReportPage = lazy(() => import('./annual-report.page.tsx').then((module) => ({ default: module.AnnualReportPage })));
export const InspectorConsistencyPage = lazy(() =>
  import('./inspector-consistency.page.tsx').then((module) => ({ default: module.InspectorConsistencyPage })),
);
