/** The special-equipment module's value lists, one home for the server's schemas, tables and rules and the web's filters and forms (labels in the locale files). */

/** A hazard (隐患) from found to closed, or escalated to an enforcement case. */
export const hazardStatuses = ['found', 'ordered', 'reported', 'closed', 'escalated'] as const;

export const hazardSeverities = ['general', 'serious'] as const;
