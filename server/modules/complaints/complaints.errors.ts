import { defineError } from '../../platform/errors/app-error.ts';

export const complaintNotFound = defineError('complaints.not_found', 404, {
  'zh-CN': '找不到该投诉举报件',
  en: 'Complaint not found',
});
export const actionNotAllowed = defineError('complaints.action_not_allowed', 409, {
  'zh-CN': '该件当前所处的办理环节不能执行此操作，请刷新后查看',
  en: "This step cannot be taken at the item's current stage; reload to see it",
});
export const surveyNotPossible = defineError('complaints.survey_not_possible', 409, {
  'zh-CN': '只能向已办结、留有电话的实名当事人发送满意度回访',
  en: 'A satisfaction survey goes only to a named person with a phone, once the item is closed',
});
export const missingFields = defineError('complaints.missing_fields', 400, {
  'zh-CN': '缺少《市场监督管理投诉举报处理暂行办法》要求的材料',
  en: 'Fields required by SAMR Order 20 are missing',
});
