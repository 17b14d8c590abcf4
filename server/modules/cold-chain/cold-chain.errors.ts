import { defineError } from '../../platform/errors/app-error.ts';

export const batchNotFound = defineError('cold_chain.batch_not_found', 404, { 'zh-CN': '找不到该批次', en: 'Batch not found' });
export const certificateNotFound = defineError('cold_chain.certificate_not_found', 404, {
  'zh-CN': '找不到该证明文件',
  en: 'Certificate not found',
});
export const codeNotFound = defineError('cold_chain.code_not_found', 404, {
  'zh-CN': '找不到追溯码 {code}',
  en: 'Trace code {code} not found',
});
export const findingNotFound = defineError('cold_chain.finding_not_found', 404, { 'zh-CN': '找不到该问题', en: 'Finding not found' });
export const batchTaken = defineError('cold_chain.batch_taken', 409, {
  'zh-CN': '报关单 {declaration} 的该产品批号已登记',
  en: 'This product and lot of customs declaration {declaration} is already registered',
});
export const certificatesMissing = defineError('cold_chain.certificates_missing', 409, {
  'zh-CN': '缺少证明：{missingZh}，不能标记为可销售',
  en: 'Missing certificates: {missingEn}; the batch cannot be marked sellable',
});
export const epcisInvalid = defineError('cold_chain.epcis_invalid', 400, {
  'zh-CN': 'EPCIS文档不符合标准或本平台规则，未保存任何事件',
  en: 'The EPCIS document does not conform; nothing of it was stored',
});
