import { lazy } from 'react';

export const ColdChainBatchesPage = lazy(() => import('./batches.page.tsx').then((module) => ({ default: module.BatchesPage })));
export const ColdChainBatchPage = lazy(() => import('./batch.page.tsx').then((module) => ({ default: module.BatchPage })));
export const ColdChainScanPage = lazy(() => import('./scan.page.tsx').then((module) => ({ default: module.ScanPage })));
export const ColdChainFindingsPage = lazy(() => import('./findings.page.tsx').then((module) => ({ default: module.FindingsPage })));
