import { defineError } from '../../platform/errors/app-error.ts';

export const unitNotFound = defineError('consumer_confidence.unit_not_found', 404, {
  'zh-CN': '找不到该放心消费单位',
  en: 'Consumer-confidence unit not found',
});
export const unitStepNotAllowed = defineError('consumer_confidence.step_not_allowed', 409, {
  'zh-CN': '该单位当前的状态不能执行此操作，请刷新后查看',
  en: "This step is not allowed in the unit's current state; reload to see it",
});
export const unitInvalid = defineError('consumer_confidence.invalid_input', 400, { 'zh-CN': '输入有误', en: 'Invalid input' });
export const unitAlreadyActive = defineError('consumer_confidence.already_active', 409, {
  'zh-CN': '该市场主体已申请或已是放心消费单位',
  en: 'This business has already applied or is listed',
});
export const warningNotFound = defineError('consumer_confidence.warning_not_found', 404, {
  'zh-CN': '找不到该节日消费提示',
  en: 'Holiday consumption warning not found',
});
export const warningAlreadyPublished = defineError('consumer_confidence.warning_published', 409, {
  'zh-CN': '该节日消费提示已发布，不能再修改或重复发布',
  en: 'This warning is already published: it can be neither changed nor published again',
});
