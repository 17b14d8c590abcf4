import { defineError } from '../../platform/errors/app-error.ts';

export const screenTokenNotFound = defineError('dashboards.screen_token_not_found', 404, {
  'zh-CN': '找不到该大屏令牌',
  en: 'Screen token not found',
});
/** A kiosk whose token is missing, wrong or revoked: one answer for all three, so a token cannot be probed. */
export const screenTokenInvalid = defineError('dashboards.screen_token_invalid', 401, {
  'zh-CN': '大屏令牌无效或已撤销，请联系管理员重新生成',
  en: 'The screen token is invalid or revoked; ask an administrator for a new one',
});
