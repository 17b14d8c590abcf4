import { defineError } from '../../platform/errors/app-error.ts';

export const equipmentNotFound = defineError('special_equipment.equipment_not_found', 404, {
  'zh-CN': '找不到该特种设备',
  en: 'Equipment not found',
});
export const hazardNotFound = defineError('special_equipment.hazard_not_found', 404, { 'zh-CN': '找不到该隐患', en: 'Hazard not found' });
export const operatorNotFound = defineError('special_equipment.operator_not_found', 404, {
  'zh-CN': '找不到该作业人员',
  en: 'Operator not found',
});
export const registrationCodeTaken = defineError('special_equipment.registration_code_taken', 409, {
  'zh-CN': '设备注册代码 {code} 已登记',
  en: 'Registration code {code} is already on the register',
});
export const reportNumberTaken = defineError('special_equipment.report_number_taken', 409, {
  'zh-CN': '检验报告编号 {number} 已录入',
  en: 'Inspection report {number} is already recorded',
});
export const hazardStepNotAllowed = defineError('special_equipment.hazard_step_not_allowed', 409, {
  'zh-CN': '隐患处于“{from}”状态，不能执行该操作',
  en: 'The hazard is “{from}”; this step is not allowed',
});
export const importInvalid = defineError('special_equipment.import_invalid', 400, {
  'zh-CN': '导入文件有误，未导入任何行，请按标出的行修改后重新导入',
  en: 'The import file has errors; nothing was imported. Fix the rows listed and import again',
});
export const hazardPhotoNotFound = defineError('special_equipment.hazard_photo_not_found', 404, {
  'zh-CN': '找不到该照片',
  en: 'Photo not found',
});
export const planNotFound = defineError('special_equipment.plan_not_found', 404, {
  'zh-CN': '找不到该应急预案',
  en: 'Emergency plan not found',
});
