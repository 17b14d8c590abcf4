import { lazy } from 'react';

export const ColdChainBatchesPage = lazy(() => import('./batches.page.tsx').then((module) => ({ default: module.BatchesPage })));
export const ColdChainBatchPage = lazy(() => import('./batch.page.tsx').then((module) => ({ default: module.BatchPage })));
export const ColdChainScanPage = lazy(() => import('./scan.page.tsx').then((module) => ({ default: module.ScanPage })));
export const ColdChainFindingsPage = lazy(() => import('./findings.page.tsx').then((module) => ({ default: module.FindingsPage })));
export const ColdChainBatchNewPage = lazy(() => import('./batch-new.page.tsx').then((module) => ({ default: module.BatchNewPage })));
export const ColdChainEpcisPage = lazy(() => import('./epcis.page.tsx').then((module) => ({ default: module.EpcisPage })));
export const ColdChainTracePage = lazy(() => import('./trace.page.tsx').then((module) => ({ default: module.TracePage })));
