/**
 * Imported cold-chain traceability 进口冷链追溯 (capability 12): the module's only door — batches with their three
 * certificates and trace codes, EPCIS 2.0 events, trace back and forward across districts, the closed loop's findings.
 */

/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { coldChainFigures } from './cold-chain.figures.ts';
/** The daily sweep of shipments never scanned in (findings without waiting for the next write). */
export { coldChainJobs } from './cold-chain.jobs.ts';
export { coldChainRoutes } from './cold-chain.routes.ts';
/** The demo's imported cold chain (2020 to today, with three gaps for the findings page). */
export { certificatePdf, demoColdChain, seedColdChainDemo } from './demo/demo-seed.ts';
