/**
 * Smart farmers' markets 智慧农贸市场 (issue 20): markets of the registry, stalls and their holders, daily rapid tests and
 * the handling of blocked lots, prices and scales, cleaning rounds, star ratings, the market big screen. The module's only door.
 */
export { seedMarketsDemo } from './demo/demo-seed.ts';
export { marketFigures } from './markets.figures.ts';
export { marketRoutes } from './markets.routes.ts';
