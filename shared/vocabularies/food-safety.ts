/** The food-safety module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const answerResults = ['pass', 'partial', 'fail', 'na'] as const;

export const findingStatuses = ['open', 'handled', 'dismissed', 'resolved'] as const;
