/**
 * The market-entity registry 市场主体库: the module's only door. Other modules find entities, append to
 * their timeline and read the registry figures through these functions, never through the tables.
 */

export { entityNotFound } from './registry.errors.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { registryFigures } from './registry.figures.ts';
export { registryRoutes } from './registry.routes.ts';
export type {
  BusinessCategory,
  EntityKind,
  EntityListItem,
  EntityStatus,
  EntityView,
  LicenceKind,
  StatisticsView,
} from './registry.schemas.ts';
export { businessCategories, entityKinds, entityStatuses, licenceKinds } from './registry.schemas.ts';
/** Inserts many new entities in one statement (demo generator, imports). */
export { bulkInsertEntities, bulkInsertStatusHistory, type EntityInsertRow } from './service/bulk-insert.ts';
/** Signed-out operator self-registration: do a credit code and a food business licence number match one active entity? */
export { type CredentialMatch, matchFoodBusinessCredentials } from './service/credential-match.ts';
/** Who files an annual report (system work in one district) and the phones to remind them: the credit module. */
export { type EntityFilingFacts, entityContactPhones, entityFilingFacts } from './service/entity-filing-facts.ts';
export {
  type EntitySummary,
  type EntityWithLicences,
  entitiesByCreditCodeOrName,
  entitiesWithLicences,
  findEntityForModule,
  listEntitiesByCategory,
} from './service/entity-lookup.ts';
/** The entity page (identity, licences, premises, status history) of an entity in the actor's scope; 404 outside it. */
export { getEntity } from './service/entity-page.ts';
/** Public facts of a district's entities (all, or the given ids), no personal data: public pages, maps, open data. */
export { entityIdsActiveOn, entityPublicProfiles, type PublicProfile } from './service/public-profiles.ts';
/** Scoped search: the same filters as GET /api/v1/entities. */
export { searchEntities } from './service/search-entities.ts';
/** Counts by kind, industry, street and status on a date, with year-on-year growth (annual report). */
export { registryStatistics } from './service/statistics.ts';
/** Appends an event to an entity's timeline, inside the caller's transaction (pass `{...ctx, db: tx}`). */
export { addTimelineEvent, type TimelineEventInput } from './service/timeline.ts';
