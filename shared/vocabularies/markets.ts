/** The farmers' markets module's value lists (issue 20), one home for the server's schemas and the web's forms (labels in the locale files). */

/** What a rapid test (快检) looks for. */
export const rapidTestItems = [
  'pesticide_residue',
  'veterinary_drug',
  'clenbuterol',
  'formaldehyde',
  'sulfur_dioxide',
  'malachite_green',
] as const;

/** A rapid test's result. */
export const rapidTestResults = ['negative', 'positive'] as const;

/** Where a rapid test came from: typed in by the testing room, or imported from the testing device's CSV. */
export const rapidTestSources = ['manual', 'device_csv'] as const;

/** The lot behind a test: free to sell, blocked by a positive result, destroyed, or released by a negative re-test. */
export const lotStatuses = ['released', 'blocked', 'destroyed'] as const;

/** The handling of a blocked lot: destroy it, test it again, report it to the station. */
export const lotHandlingActions = ['destroy', 're_test', 'report'] as const;

/** 日清洁、周清扫、月整治: how often, and who answers for it. */
export const cleaningLevels = ['daily', 'weekly', 'monthly'] as const;
export const cleaningParties = ['stall_holder', 'manager', 'organiser'] as const;

/** What a stall sells. */
export const stallCategories = ['vegetables', 'meat', 'aquatic', 'poultry', 'fruit', 'grain_oil', 'cooked_food', 'other'] as const;

/**
 * The complaints module's category a short-weight complaint (缺斤短两) carries: metrology (计量). The markets module
 * links a complaint to a market by its complained business: the market itself or the holder of one of its stalls.
 */
export const shortWeightComplaintCategory = 'metrology' as const;

/** Who can open a market screen token: one market's screen, or the district overview of all markets. */
export const marketScreenKinds = ['market', 'district'] as const;

/** 放心消费 units (the consumer-confidence module): what kind of unit, what it commits to, where it is in its life. */
export const confidenceUnitKinds = ['model_shop', 'online_shop', 'factory'] as const;
export const confidenceCommitments = [
  'no_reason_return',
  'first_responsibility',
  'price_transparency',
  'quality_guarantee',
  'quick_dispute',
] as const;
export const confidenceUnitStatuses = ['applied', 'listed', 'rejected', 'removed'] as const;
