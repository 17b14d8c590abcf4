import { defineError } from '../../platform/errors/app-error.ts';

export const handlerNotFound = defineError('food_safety.handler_not_found', 404, {
  'zh-CN': '找不到该从业人员',
  en: 'Food handler not found',
});
export const handlerAlreadyEmployed = defineError('food_safety.handler_already_employed', 409, {
  'zh-CN': '该身份证号的人员已在本店在职',
  en: 'A person with this ID number already works at this shop',
});
export const handlerAlreadyLeft = defineError('food_safety.handler_already_left', 409, {
  'zh-CN': '该人员已离职',
  en: 'This person has already left',
});
export const importInvalid = defineError('food_safety.import_invalid', 400, {
  'zh-CN': '导入文件有误，未导入任何行，请按标出的行修改后重新导入',
  en: 'The import file has errors; nothing was imported. Fix the rows listed and import again',
});
