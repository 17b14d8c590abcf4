/** The credit module's value lists, one home for the server's schemas, tables and rules and the web's filters and forms (labels in the locale files). */

export const obligedKinds = ['enterprise', 'individual'] as const;
export type ObligedKind = (typeof obligedKinds)[number];
export const filingChannels = ['online', 'paper', 'import', 'staff'] as const;
export type FilingChannel = (typeof filingChannels)[number];
/** The channels a report is recorded by one at a time (not a batch import). */
export const singleFilingChannels = ['online', 'paper', 'staff'] as const;
export const filingStates = ['filed_on_time', 'filed_late', 'not_yet_due', 'overdue'] as const;
export const filingFilters = ['filed', 'not_filed'] as const;
export const abnormalMeasures = ['listing', 'marking'] as const;
export const abnormalReasons = [
  'annual_report_not_filed',
  'unreachable_at_address',
  'false_information',
  'information_not_disclosed',
] as const;
export type AbnormalReasonName = (typeof abnormalReasons)[number];
export const abnormalStatuses = ['listed', 'removed', 'moved_to_serious'] as const;
export const seriousReasons = ['abnormal_three_years', 'serious_violation'] as const;
export const seriousStatuses = ['listed', 'removed'] as const;
export const repairTargets = ['abnormal_listing', 'serious_violation'] as const;
export const repairStatuses = ['submitted', 'approved', 'rejected'] as const;
export const repairDecisions = ['approved', 'rejected'] as const;
/** How a listing ended: staff removal (cause cured), an approved repair, an upheld objection, the end of the term. */
export const abnormalRemovalKinds = ['staff', 'repair', 'objection'] as const;
export const seriousRemovalKinds = ['repair', 'term_ended', 'objection'] as const;
export const objectionStatuses = ['submitted', 'accepted', 'not_accepted', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];
