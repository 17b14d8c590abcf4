/** The cold-chain module's value lists, one home for the server's schemas, tables and rules and the web's filters and forms (labels in the locale files). */

/** What a batch is: the categories of imported cold-chain food the bureau follows. */
export const coldChainCategories = ['meat', 'poultry', 'seafood', 'dairy', 'fruit', 'other'] as const;
export type ColdChainCategory = (typeof coldChainCategories)[number];

export const coldChainUnits = ['kg', 'box', 'piece'] as const;
export type ColdChainUnit = (typeof coldChainUnits)[number];

/** The three certificates without which a batch may not be sold (Zhejiang practice): 检验检疫证明, 核酸检测报告, 消毒证明. */
export const certificateKinds = ['quarantine', 'nucleic_acid', 'disinfection'] as const;
export type CertificateKind = (typeof certificateKinds)[number];

/** The steps of the chain, the bureau's words for EPCIS events (rules/event-steps.ts maps each to its EPCIS type and CBV bizStep). */
export const coldChainSteps = ['receive', 'store', 'ship', 'split', 'aggregate', 'transform', 'sell', 'dispose'] as const;
export type ColdChainStep = (typeof coldChainSteps)[number];

/** How an event reached the platform. */
export const eventSources = ['form', 'scan', 'epcis', 'demo'] as const;
export type EventSource = (typeof eventSources)[number];

/** The closed loop's findings: a gap in the balance, sold or shipped more than received, shipped but never received. */
export const findingKinds = ['loop_gap', 'oversell', 'shipped_not_received'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const findingStates = ['open', 'closed'] as const;
