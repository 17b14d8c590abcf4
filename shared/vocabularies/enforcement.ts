/** The enforcement module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const caseStages = ['lead', 'filed', 'investigating', 'notified', 'decided', 'executed', 'closed', 'not_filed'] as const;

export const caseSources = ['report', 'inspection', 'sampling', 'data_comparison', 'direct', 'transfer'] as const;

export const notFiledGrounds = ['minor_and_corrected', 'first_offence_slight', 'no_fault', 'other'] as const;

export const violationTypes = [
  'food_safety',
  'drugs',
  'product_quality',
  'special_equipment',
  'price',
  'advertising',
  'unfair_competition',
  'trademark_ip',
  'consumer_rights',
  'personal_information',
  'licensing',
  'metrology',
  'other',
] as const;

export const penaltyKinds = [
  'warning',
  'fine',
  'confiscation_income',
  'confiscation_property',
  'suspension',
  'licence_revocation',
  'other',
] as const;
