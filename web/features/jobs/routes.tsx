import { lazy } from 'react';

export const JobListPage = lazy(() => import('./job-list.page.tsx').then((module) => ({ default: module.JobListPage })));
