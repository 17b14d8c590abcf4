import { defineError } from '../../platform/errors/app-error.ts';

export const sampleNotFound = defineError('sampling.sample_not_found', 404, { 'zh-CN': '找不到该样品', en: 'Sample not found' });
export const planNotFound = defineError('sampling.plan_not_found', 404, { 'zh-CN': '找不到该抽检计划', en: 'Sampling plan not found' });
export const handlingNotFound = defineError('sampling.handling_not_found', 404, {
  'zh-CN': '找不到该核查处置任务',
  en: 'Handling task not found',
});
export const fileNotFound = defineError('sampling.file_not_found', 404, { 'zh-CN': '找不到该文件', en: 'File not found' });
export const sampleWrongState = defineError('sampling.wrong_state', 409, {
  'zh-CN': '样品当前状态为“{status}”，不能执行此操作',
  en: 'The sample is "{status}"; this step is not possible now',
});
export const retestWindowClosed = defineError('sampling.retest_window_closed', 409, {
  'zh-CN': '复检申请已超过期限（{due} 前，收到检验结论之日起 7 个工作日内）',
  en: 'The re-test request is late (due by {due}: 7 working days from the result notice)',
});
export const objectionWindowClosed = defineError('sampling.objection_window_closed', 409, {
  'zh-CN': '快检异议已超过 4 小时期限（{due}）',
  en: 'The objection to the rapid test is late (4 hours, until {due})',
});
export const noOtherLab = defineError('sampling.no_other_lab', 409, {
  'zh-CN': '没有可抽取的其他检验机构（复检机构须不同于初检机构）',
  en: 'No other lab to draw: the re-test lab must differ from the first lab',
});
export const retestAlreadyRequested = defineError('sampling.retest_already_requested', 409, {
  'zh-CN': '该样品已申请复检',
  en: 'A re-test was already requested for this sample',
});
export const notYetFinal = defineError('sampling.not_final', 409, {
  'zh-CN': '检验结论尚未确定（复检期限未过或复检未完成），暂不能公布',
  en: 'The result is not final yet (re-test window open or re-test pending); it cannot be published',
});
export const badUpload = defineError('sampling.bad_upload', 415, {
  'zh-CN': '文件内容与类型不符，仅接受 PDF、PNG、JPEG',
  en: 'The file content does not match its type; only PDF, PNG and JPEG are accepted',
});
