import { lazy } from 'react';

export const WorkshopsPage = lazy(() => import('./workshops.page.tsx').then((module) => ({ default: module.WorkshopsPage })));
