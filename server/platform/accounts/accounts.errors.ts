import { defineError } from '../errors/app-error.ts';

export const userNotFound = defineError('accounts.user_not_found', 404, { 'zh-CN': '找不到该用户', en: 'User not found' });
export const usernameTaken = defineError('accounts.username_taken', 409, {
  'zh-CN': '用户名 {username} 已被使用',
  en: 'The username {username} is already taken',
});
export const cannotDisableSelf = defineError('accounts.cannot_disable_self', 409, {
  'zh-CN': '不能停用自己的账户',
  en: 'You cannot disable your own account',
});
