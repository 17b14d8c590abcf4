import { lazy } from 'react';

export const MarketsPage = lazy(() => import('./markets.page.tsx').then((module) => ({ default: module.MarketsPage })));
export const MarketPage = lazy(() => import('./market.page.tsx').then((module) => ({ default: module.MarketPage })));
export const MarketScreenPage = lazy(() => import('./market-screen.page.tsx').then((module) => ({ default: module.MarketScreenPage })));
export const MarketSettingsPage = lazy(() => import('./settings.page.tsx').then((module) => ({ default: module.MarketSettingsPage })));
