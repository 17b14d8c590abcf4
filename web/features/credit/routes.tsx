import { lazy } from 'react';

export const CreditPage = lazy(() => import('./credit.page.tsx').then((module) => ({ default: module.CreditPage })));
