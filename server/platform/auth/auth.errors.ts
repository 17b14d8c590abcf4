import type { FieldError } from '../errors/app-error.ts';
import { defineError } from '../errors/app-error.ts';
import type { Bilingual } from '../i18n/language.ts';
import type { PasswordViolation } from './rules/password-policy.ts';
/** One answer for every failed sign-in, so it never tells which part was wrong or that an account exists. */
export const invalidCredentials = defineError('auth.invalid_credentials', 401, {
  'zh-CN': '用户名或密码错误；连续失败多次的账户会被临时锁定 15 分钟',
  en: 'Wrong username or password; after repeated failures an account is locked for 15 minutes',
});
export const invalidTotpCode = defineError('auth.invalid_totp_code', 401, {
  'zh-CN': '验证码错误或已使用，请输入验证器上的最新 6 位数字',
  en: 'The code is wrong or already used; enter the latest 6 digits from your authenticator',
});
export const noPendingSignIn = defineError('auth.no_pending_sign_in', 401, {
  'zh-CN': '登录步骤已过期，请重新输入用户名和密码',
  en: 'The sign-in step has expired; enter your username and password again',
});
export const totpAlreadyEnabled = defineError('auth.totp_already_enabled', 409, {
  'zh-CN': '已绑定验证器；如需更换，请联系管理员重置两步验证',
  en: 'An authenticator is already set up; ask an administrator to reset two-step verification to replace it',
});
export const weakPassword = defineError('auth.weak_password', 400, {
  'zh-CN': '新密码不符合密码策略',
  en: 'The new password does not meet the password policy',
});
export const wrongCurrentPassword = defineError('auth.wrong_current_password', 400, {
  'zh-CN': '当前密码不正确',
  en: 'The current password is not correct',
});

const violationMessages: Record<PasswordViolation, Bilingual> = {
  too_short: { 'zh-CN': '至少 12 个字符', en: 'must have at least 12 characters' },
  too_long: { 'zh-CN': '最多 128 个字符', en: 'must have at most 128 characters' },
  too_few_classes: {
    'zh-CN': '需包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'must mix at least three of: upper-case, lower-case, digits, symbols',
  },
  common: { 'zh-CN': '过于常见，容易被猜中', en: 'is too common and easy to guess' },
  repetitive: { 'zh-CN': '重复字符过多', en: 'repeats too few characters' },
  personal: { 'zh-CN': '不能包含用户名或姓名', en: 'must not contain the username or name' },
  reused: { 'zh-CN': '不能与最近使用过的密码相同', en: 'must not be one of the recently used passwords' },
};

export function passwordFieldErrors(field: string, violations: PasswordViolation[]): FieldError[] {
  return violations.map((violation) => ({ in: 'body', field, code: `password.${violation}`, message: violationMessages[violation] }));
}
