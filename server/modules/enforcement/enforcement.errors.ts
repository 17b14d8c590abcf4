import { defineError } from '../../platform/errors/app-error.ts';

export const caseNotFound = defineError('enforcement.case_not_found', 404, {
  'zh-CN': '找不到该案件',
  en: 'Case not found',
});
export const stageNotAllowed = defineError('enforcement.stage_not_allowed', 409, {
  'zh-CN': '案件处于“{from}”阶段，不能直接进入“{to}”：办案程序须依次进行',
  en: 'The case is at stage "{from}" and cannot move to "{to}": the procedure goes step by step',
});
export const alreadyExtended = defineError('enforcement.already_extended', 409, {
  'zh-CN': '该期限已延长过一次',
  en: 'This deadline has already been extended once',
});
export const extensionNotApplicable = defineError('enforcement.extension_not_applicable', 409, {
  'zh-CN': '案件当前阶段不适用该期限延长',
  en: 'That deadline is not running at this stage of the case',
});
export const penaltiesLocked = defineError('enforcement.penalties_locked', 409, {
  'zh-CN': '只能在告知或决定阶段登记处罚',
  en: 'Penalties are recorded at the notice or decision stage only',
});
export const nothingToPublish = defineError('enforcement.nothing_to_publish', 409, {
  'zh-CN': '该案件没有需要公示的行政处罚决定（仅警告或未作处罚不公示）',
  en: 'This case has no penalty decision to publish (a warning alone is not published)',
});
export const documentNotYet = defineError('enforcement.document_not_available', 409, {
  'zh-CN': '案件尚未进行到出具该文书的阶段',
  en: 'The case has not reached the stage that produces this document',
});
