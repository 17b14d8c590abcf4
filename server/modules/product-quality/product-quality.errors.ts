import { defineError } from '../../platform/errors/app-error.ts';

export const makerNotFound = defineError('product_quality.maker_not_found', 404, {
  'zh-CN': '找不到该涉安类产品生产企业',
  en: 'Safety-related product maker not found',
});
export const makerAlreadyListed = defineError('product_quality.maker_already_listed', 409, {
  'zh-CN': '该企业已按此产品类别登记',
  en: 'The maker is already registered for this product group',
});
export const exemptionNotFound = defineError('product_quality.exemption_not_found', 404, {
  'zh-CN': '找不到该免办3C认证记录',
  en: 'CCC exemption not found',
});
export const exemptionNumberTaken = defineError('product_quality.exemption_number_taken', 409, {
  'zh-CN': '免办证明编号已存在',
  en: 'An exemption with this certificate number exists',
});
export const brandFirmNotFound = defineError('product_quality.brand_firm_not_found', 404, {
  'zh-CN': '找不到该品字标企业',
  en: 'Certified firm not found',
});
export const groupStandardNotFound = defineError('product_quality.group_standard_not_found', 404, {
  'zh-CN': '找不到该团体标准',
  en: 'Group standard not found',
});
export const groupStandardCodeTaken = defineError('product_quality.group_standard_code_taken', 409, {
  'zh-CN': '该标准编号已登记',
  en: 'A group standard with this code is on file',
});
export const catalogueProductNotFound = defineError('product_quality.catalogue_product_not_found', 404, {
  'zh-CN': '找不到该目录产品',
  en: 'Catalogue product not found',
});
export const catalogueProductTaken = defineError('product_quality.catalogue_product_taken', 409, {
  'zh-CN': '目录中该类别下已有同名产品',
  en: 'The catalogue has a product of this name in this category',
});
