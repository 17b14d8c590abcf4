import { defineError } from '../../platform/errors/app-error.ts';

export const registrationNotFound = defineError('pharmacies.registration_not_found', 404, {
  'zh-CN': '找不到该购药登记',
  en: 'Registration not found',
});
export const servicePointNotFound = defineError('pharmacies.service_point_not_found', 404, {
  'zh-CN': '找不到该服务点',
  en: 'Service point not found',
});
export const pharmacistNotFound = defineError('pharmacies.pharmacist_not_found', 404, {
  'zh-CN': '找不到该药师',
  en: 'Pharmacist not found',
});
export const alarmNotFound = defineError('pharmacies.alarm_not_found', 404, {
  'zh-CN': '找不到该预警',
  en: 'Alarm not found',
});
export const alarmStepNotAllowed = defineError('pharmacies.alarm_step_not_allowed', 409, {
  'zh-CN': '预警当前的状态不能执行该操作，请刷新后查看',
  en: "This step is not allowed in the alarm's current state; reload to see it",
});
export const posKeyNotFound = defineError('pharmacies.pos_key_not_found', 404, {
  'zh-CN': '找不到该收银系统密钥',
  en: 'POS key not found',
});
export const posKeyInvalid = defineError('pharmacies.pos_key_invalid', 401, {
  'zh-CN': '收银系统密钥无效或已吊销',
  en: 'The POS key is invalid or revoked',
});
