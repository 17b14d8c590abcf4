import { defineError } from '../../platform/errors/app-error.ts';

export const planNotFound = defineError('random_inspections.plan_not_found', 404, {
  'zh-CN': '找不到该抽查计划',
  en: 'Inspection plan not found',
});
export const drawNotFound = defineError('random_inspections.draw_not_found', 404, { 'zh-CN': '找不到该次抽取', en: 'Draw not found' });
export const taskNotFound = defineError('random_inspections.task_not_found', 404, {
  'zh-CN': '找不到该检查任务',
  en: 'Inspection task not found',
});
export const inspectorNotFound = defineError('random_inspections.inspector_not_found', 404, {
  'zh-CN': '找不到该执法检查人员',
  en: 'Inspector not found',
});
export const conflictNotFound = defineError('random_inspections.conflict_not_found', 404, {
  'zh-CN': '找不到该回避记录',
  en: 'Conflict not found',
});
export const planCodeTaken = defineError('random_inspections.plan_code_taken', 409, {
  'zh-CN': '计划编号已存在',
  en: 'The plan code is taken',
});
export const matterCodeTaken = defineError('random_inspections.matter_code_taken', 409, {
  'zh-CN': '事项编号已存在',
  en: 'The matter code is taken',
});
export const certificateTaken = defineError('random_inspections.certificate_taken', 409, {
  'zh-CN': '该执法证号已登记给其他人员',
  en: 'The certificate number belongs to another inspector',
});
export const conflictExists = defineError('random_inspections.conflict_exists', 409, {
  'zh-CN': '该回避关系已登记',
  en: 'This conflict is already declared',
});
export const wrongDrawStep = defineError('random_inspections.wrong_draw_step', 409, {
  'zh-CN': '抽取流程顺序不对：当前状态为 {status}，此步骤需要 {expected}',
  en: 'Wrong step of the draw: it is {status}, this step needs {expected}',
});
export const tooFewInspectors = defineError('random_inspections.too_few_inspectors', 409, {
  'zh-CN': '执法检查人员名录库中有效执法证人员不足 {needed} 人',
  en: 'Fewer than {needed} inspectors with a valid certificate in the directory',
});
export const emptyDirectory = defineError('random_inspections.empty_directory', 409, {
  'zh-CN': '检查对象名录为空，无法抽取',
  en: 'The inspection-object directory is empty; nothing to draw from',
});
export const taskAlreadyDone = defineError('random_inspections.task_done', 409, {
  'zh-CN': '该任务已录入结果',
  en: 'The task already has its result',
});
export const taskNotDone = defineError('random_inspections.task_not_done', 409, {
  'zh-CN': '该任务尚未录入结果',
  en: 'The task has no result yet',
});
export const drawNotPublished = defineError('random_inspections.draw_not_published', 409, {
  'zh-CN': '抽取结果尚未公布，任务未下达',
  en: 'The draw is not published yet; its tasks are not assigned',
});
export const notAssignedInspector = defineError('random_inspections.not_assigned', 403, {
  'zh-CN': '只有被抽中的执法人员可以录入结果',
  en: 'Only the drawn inspectors may record the result',
});
