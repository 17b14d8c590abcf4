/** The workshops module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const appealDecisions = ['upheld', 'rejected'] as const;

/** An appeal against a red or black listing: open until decided. */
export const appealStatuses = ['open', ...appealDecisions] as const;
