import { defineError } from '../../platform/errors/app-error.ts';

export const marketNotFound = defineError('markets.market_not_found', 404, { 'zh-CN': '找不到该农贸市场', en: 'Market not found' });
export const stallNotFound = defineError('markets.stall_not_found', 404, { 'zh-CN': '找不到该摊位', en: 'Stall not found' });
export const rapidTestNotFound = defineError('markets.rapid_test_not_found', 404, {
  'zh-CN': '找不到该快检记录',
  en: 'Rapid test not found',
});
export const screenTokenNotFound = defineError('markets.screen_token_not_found', 404, {
  'zh-CN': '找不到该大屏令牌',
  en: 'Screen token not found',
});
export const screenTokenInvalid = defineError('markets.screen_token_invalid', 401, {
  'zh-CN': '大屏令牌无效或已吊销',
  en: 'The screen token is invalid or revoked',
});
export const notAFarmersMarket = defineError('markets.not_a_farmers_market', 400, {
  'zh-CN': '该市场主体不是农贸市场，或不在本区',
  en: 'This business is not a farmers’ market of the district',
});
export const marketAlreadyRegistered = defineError('markets.market_already_registered', 409, {
  'zh-CN': '该农贸市场已登记',
  en: 'This market is already registered',
});
export const stallNumberTaken = defineError('markets.stall_number_taken', 409, {
  'zh-CN': '摊位号已存在',
  en: 'This stall number is taken',
});
export const scaleSerialTaken = defineError('markets.scale_serial_taken', 409, {
  'zh-CN': '该计量器具编号已登记',
  en: 'This scale is already registered',
});
export const lotStepNotAllowed = defineError('markets.lot_step_not_allowed', 409, {
  'zh-CN': '该批次当前不能执行此处置（{reason}）',
  en: 'This handling step is not allowed for the lot ({reason})',
});
export const invalidMarketInput = defineError('markets.invalid_input', 400, { 'zh-CN': '输入有误', en: 'Invalid input' });
