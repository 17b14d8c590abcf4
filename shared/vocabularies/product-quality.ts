/** The product-quality module's value lists, one home for the server's schemas, tables and rules and the web (labels in the locale files). */

/** 涉安类产品: the safety-related product groups the bureau grades (the 2021 plan names the first three). */
export const safetyProductGroups = [
  'hazardous_chemicals',
  'food_related',
  'children_student',
  'electrical',
  'building_materials',
  'other_safety',
] as const;
export type SafetyProductGroup = (typeof safetyProductGroups)[number];

/** Risk grades of a maker, A lowest risk to D highest (the letters of the credit-risk classes). */
export const makerGrades = ['A', 'B', 'C', 'D'] as const;
export type MakerGrade = (typeof makerGrades)[number];

/** The maker's production licence (工业产品生产许可证) as far as grading sees it. */
export const licenceStates = ['not_required', 'valid', 'expiring', 'expired', 'missing'] as const;
export type LicenceState = (typeof licenceStates)[number];

/** Why a product is exempt from CCC (免予办理强制性产品认证), after the CNCA's exemption categories. */
export const cccExemptionReasons = ['research_testing', 'export_processing', 'spare_parts', 'exhibition', 'other'] as const;
export const cccExemptionStatuses = ['active', 'expired', 'revoked'] as const;
export const followUpResults = ['compliant', 'non_compliant'] as const;

/** Kinds of counted IP and brand facts per firm and year (the offices' extracts, the bureau's payouts). */
export const ipKinds = [
  'invention_application',
  'invention_grant',
  'trademark_application',
  'trademark_registration',
  'agricultural_trademark',
  'award_subsidy',
  'pledge_financing',
] as const;
export type IpKind = (typeof ipKinds)[number];
/** Kinds counted in pieces (件); the others are amounts of money in yuan. */
export const ipCountKinds = [
  'invention_application',
  'invention_grant',
  'trademark_application',
  'trademark_registration',
  'agricultural_trademark',
] as const;

/** Why a maker's grade history has a row: registered, edited by staff, or its inputs changed (the re-grade job). */
export const gradeChangeCauses = ['registered', 'edited', 'inputs_changed'] as const;
export type GradeChangeCause = (typeof gradeChangeCauses)[number];

/** 团体标准 in force or withdrawn by the association. */
export const groupStandardStatuses = ['in_force', 'withdrawn'] as const;

/** A product of the district's sampling catalogue is sampled while active; a retired one stays for history. */
export const catalogueProductStatuses = ['active', 'retired'] as const;
/** 抽查领域: the fields a product-quality sampling plan counts (生产领域, 流通领域, 电子商务领域). */
export const catalogueFields = ['production', 'circulation', 'e_commerce'] as const;
export type CatalogueField = (typeof catalogueFields)[number];
