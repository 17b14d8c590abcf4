import { lazy } from 'react';

export const ComplaintListPage = lazy(() => import('./complaint-list.page.tsx').then((module) => ({ default: module.ComplaintListPage })));
export const ComplaintPage = lazy(() => import('./complaint.page.tsx').then((module) => ({ default: module.ComplaintPage })));
export const ComplaintStatisticsPage = lazy(() =>
  import('./complaint-statistics.page.tsx').then((module) => ({ default: module.ComplaintStatisticsPage })),
);
