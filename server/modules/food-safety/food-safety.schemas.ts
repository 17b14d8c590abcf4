/**
 * The food-safety API's shapes, by use case (schemas/): request bodies validated by the routes, responses the web
 * takes its types from.
 */
export * from './schemas/comparison.schemas.ts';
export * from './schemas/consistency.schemas.ts';
export * from './schemas/handlers.schemas.ts';
export * from './schemas/inspections.schemas.ts';
export * from './schemas/portal.schemas.ts';
export * from './schemas/registration.schemas.ts';
