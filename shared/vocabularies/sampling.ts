/** The sampling module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

/** 生产 / 流通 / 餐饮 环节. */
export const samplingLinks = ['production', 'circulation', 'catering', 'e_commerce'] as const;

export const samplingFields = ['food', 'industrial'] as const;

export const sampleStatuses = ['sampled', 'sent', 'received', 'reported', 'notified'] as const;

export const handlingMeasures = ['recall', 'removal', 'rectification', 'case'] as const;

export const handlingStatuses = ['open', 'in_progress', 'closed'] as const;

export const handlingOutcomes = ['rectified', 'administrative_penalty', 'transferred_to_police', 'no_violation'] as const;

export const labStatuses = ['to_receive', 'testing', 'reported'] as const;

export const planKinds = ['routine', 'campaign'] as const;

/** 检验结论 of a sample. */
export const verdicts = ['qualified', 'unqualified'] as const;
export type Verdict = (typeof verdicts)[number];

/** The result of one test item (判定). */
export const itemVerdicts = ['pass', 'fail'] as const;
export type ItemVerdict = (typeof itemVerdicts)[number];

/** How a sample is tested: in a laboratory or by a rapid test on the spot (快检). */
export const testMethods = ['lab', 'rapid'] as const;
