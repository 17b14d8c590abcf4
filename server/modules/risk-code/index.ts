/**
 * Five-colour code 五色码, public code pages 一码全知道, QR stickers, certified products 品字码 and open data:
 * the module's only door.
 */
export { riskCodeJobs } from './risk-code.jobs.ts';
export { riskCodeRoutes } from './risk-code.routes.ts';
export type { Colour, ColourFacts } from './rules/risk-colour.ts';
export { colours, decideColour } from './rules/risk-colour.ts';
/** The five-colour map of the district, a street or an area (the demo test checks the pilot street's coverage). */
export { colourMap } from './service/colour-map.ts';
/** Inserts the demo's codes, colours and certified products (after the food-safety demo). */
export { seedRiskCodeDemo } from './service/demo-seed.ts';
/** Recompute one unit's colour now, e.g. right after an inspection is signed (optional: the job catches up anyway). */
export { recomputeColour } from './service/recompute.ts';
