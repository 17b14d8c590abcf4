import { defineError } from '../../platform/errors/app-error.ts';

export const entityNotFound = defineError('registry.entity_not_found', 404, {
  'zh-CN': '找不到该市场主体',
  en: 'Market entity not found',
});
export const creditCodeTaken = defineError('registry.credit_code_taken', 409, {
  'zh-CN': '统一社会信用代码 {creditCode} 已登记',
  en: 'Credit code {creditCode} is already registered',
});
export const entityChangedMeanwhile = defineError('registry.entity_changed', 409, {
  'zh-CN': '该主体已被他人修改，请刷新后重试',
  en: 'Someone else changed this entity; reload and try again',
});
export const importBatchNotFound = defineError('registry.import_not_found', 404, {
  'zh-CN': '找不到该导入批次',
  en: 'Import batch not found',
});
export const importAlreadyCommitted = defineError('registry.import_committed', 409, {
  'zh-CN': '该导入批次已提交',
  en: 'This import has already been committed',
});
export const importDataChanged = defineError('registry.import_stale', 409, {
  'zh-CN': '试导入之后登记数据已有变化（{count} 行受影响，如第 {rowNumber} 行），请重新试导入',
  en: 'The registry changed after the dry run ({count} rows affected, e.g. row {rowNumber}); run the dry run again',
});
export const importMappingNotFound = defineError('registry.import_mapping_not_found', 404, {
  'zh-CN': '找不到该列映射',
  en: 'Column mapping not found',
});
export const importMappingIncomplete = defineError('registry.import_mapping_incomplete', 400, {
  'zh-CN': '列映射缺少必需的列：{missing}',
  en: 'The column mapping lacks required columns: {missing}',
});
