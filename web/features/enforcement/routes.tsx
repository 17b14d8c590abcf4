import { lazy } from 'react';

export const CaseListPage = lazy(() => import('./case-list.page.tsx').then((module) => ({ default: module.CaseListPage })));
export const CasePage = lazy(() => import('./case.page.tsx').then((module) => ({ default: module.CasePage })));
export const CaseStatisticsPage = lazy(() =>
  import('./case-statistics.page.tsx').then((module) => ({ default: module.CaseStatisticsPage })),
);
