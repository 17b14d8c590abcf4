import { lazy } from 'react';

export const HomePage = lazy(() => import('./home.page.tsx').then((module) => ({ default: module.HomePage })));
