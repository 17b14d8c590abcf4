import { defineError } from '../../platform/errors/app-error.ts';

export const annualReportNotDue = defineError('credit.annual_report_not_due', 409, {
  'zh-CN': '该主体无需报送 {reportYear} 年度报告（当年设立或报送期开始前已停业）',
  en: 'This entity has no {reportYear} annual report to file (registered that year, or closed before the filing window)',
});
export const paperNotAllowed = defineError('credit.paper_not_allowed', 400, {
  'zh-CN': '企业须通过国家企业信用信息公示系统报送年度报告，纸质报送仅限个体工商户',
  en: 'Enterprises file online through the publicity system; paper filing is for individual businesses only',
});
export const listingNotFound = defineError('credit.listing_not_found', 404, {
  'zh-CN': '找不到该经营异常名录记录',
  en: 'Abnormal-list record not found',
});
export const listingAlreadyOpen = defineError('credit.listing_already_open', 409, {
  'zh-CN': '该主体已因同一事由列入经营异常名录（或被标记为经营异常状态）',
  en: 'The entity is already listed (or marked) for the same reason',
});
export const listingNotRemovable = defineError('credit.listing_not_removable', 409, {
  'zh-CN': '不能移出：{why}',
  en: 'Cannot remove: {why}',
});
export const reportYearRequired = defineError('credit.report_year_required', 400, {
  'zh-CN': '未报年报事由须写明年度',
  en: 'A listing for a missing annual report names its year',
});
export const reportAlreadyFiled = defineError('credit.report_already_filed', 409, {
  'zh-CN': '{reportYear} 年度报告已报送，不能以未报年报列入',
  en: 'The {reportYear} annual report is on file: it cannot be listed as missing',
});
export const notSeriousCandidate = defineError('credit.not_serious_candidate', 409, {
  'zh-CN': '该记录列入经营异常名录未满3年或已移出，不能列入严重违法失信名单',
  en: 'The listing is not 3 years old or is no longer open: it cannot move to the serious-violation list',
});
export const seriousNotFound = defineError('credit.serious_not_found', 404, {
  'zh-CN': '找不到该严重违法失信记录',
  en: 'Serious-violation record not found',
});
export const repairNotFound = defineError('credit.repair_not_found', 404, {
  'zh-CN': '找不到该信用修复申请',
  en: 'Credit-repair application not found',
});
export const repairNotOpen = defineError('credit.repair_not_open', 409, {
  'zh-CN': '该申请已作出决定',
  en: 'The application is already decided',
});
export const repairTooEarly = defineError('credit.repair_too_early', 409, {
  'zh-CN': '列入严重违法失信名单满 {from} 后方可申请提前移出',
  en: 'Early removal may be applied for from {from}',
});
export const repairAlreadyOpen = defineError('credit.repair_already_open', 409, {
  'zh-CN': '该记录已有待审查的信用修复申请',
  en: 'An application for this record is already under review',
});
export const seriousAlreadyListed = defineError('credit.serious_already_listed', 409, {
  'zh-CN': '该案件的当事人已据此列入严重违法失信名单',
  en: 'The party of this case is already on the serious-violation list for it',
});
export const objectionNotFound = defineError('credit.objection_not_found', 404, {
  'zh-CN': '找不到该异议申请',
  en: 'Objection not found',
});
export const objectionTooLate = defineError('credit.objection_too_late', 409, {
  'zh-CN': '异议须在列入决定公示之日起30日内提出（截至 {until}）',
  en: 'An objection must be filed within 30 days of the listing’s publication (by {until})',
});
export const objectionAlreadyOpen = defineError('credit.objection_already_open', 409, {
  'zh-CN': '该记录已有办理中的异议申请',
  en: 'An objection to this record is already being handled',
});
export const objectionWrongStep = defineError('credit.objection_wrong_step', 409, {
  'zh-CN': '该异议当前的状态不能办理此步骤，请刷新后查看',
  en: "This step is not open in the objection's current state; reload to see it",
});
export const importNotFound = defineError('credit.import_not_found', 404, {
  'zh-CN': '找不到该导入批次',
  en: 'Import batch not found',
});
export const importAlreadyCommitted = defineError('credit.import_already_committed', 409, {
  'zh-CN': '该导入批次已提交',
  en: 'This import batch is already committed',
});
