import { lazy } from 'react';

export const DistrictScreenPage = lazy(() =>
  import('./district-screen.page.tsx').then((module) => ({ default: module.DistrictScreenPage })),
);
export const ScreenTokensPage = lazy(() => import('./screen-tokens.page.tsx').then((module) => ({ default: module.ScreenTokensPage })));
