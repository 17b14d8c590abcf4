/** The risk-code module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const areaKinds = ['street', 'pedestrian_street', 'complex'] as const;

/** The five colours of the 五色码, from least to most risk. */
export const riskColours = ['green', 'blue', 'yellow', 'orange', 'black'] as const;

export const riskLevels = ['A', 'B', 'C', 'D', 'U'] as const;
