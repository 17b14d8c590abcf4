import { defineError } from '../../platform/errors/app-error.ts';

export const handlerNotFound = defineError('food_safety.handler_not_found', 404, {
  'zh-CN': '找不到该从业人员',
  en: 'Food handler not found',
});
export const handlerAlreadyEmployed = defineError('food_safety.handler_already_employed', 409, {
  'zh-CN': '该身份证号的人员已在本店在职',
  en: 'A person with this ID number already works at this shop',
});
export const handlerAlreadyLeft = defineError('food_safety.handler_already_left', 409, {
  'zh-CN': '该人员已离职',
  en: 'This person has already left',
});
export const importInvalid = defineError('food_safety.import_invalid', 400, {
  'zh-CN': '导入文件有误，未导入任何行，请按标出的行修改后重新导入',
  en: 'The import file has errors; nothing was imported. Fix the rows listed and import again',
});
export const templateNotFound = defineError('food_safety.template_not_found', 404, {
  'zh-CN': '找不到该检查表',
  en: 'Checklist template not found',
});
export const inspectionNotFound = defineError('food_safety.inspection_not_found', 404, {
  'zh-CN': '找不到该检查记录',
  en: 'Inspection not found',
});
export const findingNotFound = defineError('food_safety.finding_not_found', 404, {
  'zh-CN': '找不到该比对结果',
  en: 'Finding not found',
});
export const findingNotOpen = defineError('food_safety.finding_not_open', 409, {
  'zh-CN': '该比对结果已处理或已关闭',
  en: 'This finding has already been handled or closed',
});
export const uploadNotFound = defineError('food_safety.upload_not_found', 404, {
  'zh-CN': '找不到该店铺信息',
  en: 'Shop upload not found',
});
export const uploadNotSubmitted = defineError('food_safety.upload_not_submitted', 409, {
  'zh-CN': '该版本不在待审核状态',
  en: 'This version is not waiting for review',
});
export const appealNotFound = defineError('food_safety.appeal_not_found', 404, {
  'zh-CN': '找不到该申诉',
  en: 'Appeal not found',
});
export const appealClosed = defineError('food_safety.appeal_closed', 409, {
  'zh-CN': '该申诉已有结论',
  en: 'This appeal has already been decided',
});
export const officerInvolved = defineError('food_safety.officer_involved', 409, {
  'zh-CN': '参与该次检查的人员不能处理其申诉',
  en: 'An officer who took part in the inspection may not decide its appeal',
});
export const applicationNotFound = defineError('food_safety.application_not_found', 404, {
  'zh-CN': '找不到该注册申请',
  en: 'Registration application not found',
});
export const applicationDecided = defineError('food_safety.application_decided', 409, {
  'zh-CN': '该注册申请已处理',
  en: 'This registration application has already been decided',
});
export const registrationInvalid = defineError('food_safety.registration_invalid', 400, {
  'zh-CN': '注册信息有误，请按标出的项目修改',
  en: 'The registration has errors; correct the fields marked',
});
