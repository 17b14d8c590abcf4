import { defineError } from '../../platform/errors/app-error.ts';

export const subjectNotFound = defineError('risk_code.subject_not_found', 404, {
  'zh-CN': '找不到该主体的五色码',
  en: 'No colour code for this entity',
});
export const productNotFound = defineError('risk_code.product_not_found', 404, {
  'zh-CN': '找不到该认证产品',
  en: 'Certified product not found',
});
export const areaNotFound = defineError('risk_code.area_not_found', 404, {
  'zh-CN': '找不到该地图区域',
  en: 'Map area not found',
});
export const tileUrlNotSet = defineError('risk_code.tile_url_not_set', 404, {
  'zh-CN': '未配置地图底图地址',
  en: 'No map tile address is configured',
});
export const tileUnavailable = defineError('risk_code.tile_unavailable', 502, {
  'zh-CN': '地图底图服务暂时无法访问',
  en: 'The map tile server could not be reached',
});
