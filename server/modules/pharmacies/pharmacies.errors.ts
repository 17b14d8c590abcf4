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
