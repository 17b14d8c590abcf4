/**
 * Five-colour code 五色码, public code pages 一码全知道, QR stickers, certified products 品字码 and open data:
 * the module's only door.
 */

/** Inserts the demo's codes, colours and certified products (after the food-safety demo). */
export { seedRiskCodeDemo } from './demo/demo-seed.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { riskCodeFigures } from './risk-code.figures.ts';
export { riskCodeJobs } from './risk-code.jobs.ts';
export { riskCodeRoutes } from './risk-code.routes.ts';
/** Plane geometry of map outlines; the demo tiles its district with nearestCentreCells. */
export type { Bounds, LngLat, Ring } from './rules/area-outline.ts';
export { nearestCentreCells, pointInRing, pullInside } from './rules/area-outline.ts';
export type { Colour, ColourFacts } from './rules/risk-colour.ts';
export { colours, decideColour } from './rules/risk-colour.ts';
/** The district's 品字码 products with their firm's entity: the product-quality module's 品字标 firms are made from them. */
export { type CertifiedProductLink, certifiedProductLinks } from './service/certified-products.ts';
/** The five-colour map of the district, a street or an area (the demo test checks the pilot street's coverage). */
export { colourMap } from './service/colour-map.ts';
/** Keeps this process's public-page cache in step with colour and code changes made by any process. */
export { listenForPublicPageChanges } from './service/page-cache.ts';
/**
 * recomputeColour: one unit's colour now, e.g. right after an inspection is signed (optional: the job catches up
 * anyway). recomputeDistrictColours: one district's nightly recompute (the jobs run it for every district).
 */
export { recomputeColour, recomputeDistrictColours } from './service/recompute.ts';
