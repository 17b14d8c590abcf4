/** The random-inspections module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const inspectionOutcomes = [
  'no_problem',
  'problem_handled',
  'problem_follow_up',
  'not_found_at_address',
  'no_such_activity',
  'closed_down',
  'refused',
] as const;

export const creditClasses = ['A', 'B', 'C', 'D'] as const;

export const planKinds = ['yearly', 'ad_hoc'] as const;

/** What a task asks the enforcement module for: a rectification order or a case (a hook until that module lands). */
export const followUpTypes = ['none', 'rectification', 'case'] as const;
