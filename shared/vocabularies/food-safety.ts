/** The food-safety module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

/** 动态等级 优秀 (大笑) / 良好 (微笑) / 一般 (平脸). */
export const dynamicGrades = ['excellent', 'good', 'fair'] as const;

/** 年度等级. */
export const annualGrades = ['A', 'B', 'C'] as const;

/** 风险等级, A lowest risk … D highest. */
export const riskGrades = ['A', 'B', 'C', 'D'] as const;

/** An operator's upload (licence, photos): reviewed, returned with a reason, or replaced by a later version. */
export const uploadStatuses = ['submitted', 'approved', 'returned', 'superseded'] as const;

/** 日常检查 / 飞行检查 / 复查. */
export const inspectionKinds = ['routine', 'flying', 're-inspection'] as const;

export const answerResults = ['pass', 'partial', 'fail', 'na'] as const;

export const findingStatuses = ['open', 'handled', 'dismissed', 'resolved'] as const;

/** An operator's self-registration (经营者自主注册), pending until section staff decide it. */
export const applicationStatuses = ['pending', 'approved', 'rejected'] as const;

/** How a station decides an operator's appeal against a grade. */
export const gradeAppealOutcomes = ['upheld', 'rejected'] as const;

/** A grade appeal: open until a station decides it. */
export const gradeAppealStatuses = ['open', ...gradeAppealOutcomes] as const;
