import { lazy } from 'react';

export const ConsumerConfidencePage = lazy(() => import('./units.page.tsx').then((module) => ({ default: module.ConsumerConfidencePage })));
