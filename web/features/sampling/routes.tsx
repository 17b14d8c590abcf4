import { lazy } from 'react';

export const SampleListPage = lazy(() => import('./sample-list.page.tsx').then((module) => ({ default: module.SampleListPage })));
export const SampleDetailPage = lazy(() => import('./sample-detail.page.tsx').then((module) => ({ default: module.SampleDetailPage })));
export const SamplingPlansPage = lazy(() => import('./plans.page.tsx').then((module) => ({ default: module.SamplingPlansPage })));
export const HandlingPage = lazy(() => import('./handling.page.tsx').then((module) => ({ default: module.HandlingPage })));
export const SamplingStatisticsPage = lazy(() =>
  import('./statistics.page.tsx').then((module) => ({ default: module.SamplingStatisticsPage })),
);
export const LabWorkbenchPage = lazy(() => import('./lab-workbench.page.tsx').then((module) => ({ default: module.LabWorkbenchPage })));
