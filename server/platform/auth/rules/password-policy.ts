/**
 * Password policy for staff and operators, reconciling OWASP ASVS 5.0 (V6.2: length, common-password
 * list, long passwords allowed) with MLPS 2.0 level 3 (身份鉴别 a: complexity). Minimum 12 characters,
 * at least three of four character classes, not a common password or a common word with decorations,
 * not containing the username. See shared/research/anchors-reliability-security.md §2.3.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;

export type PasswordViolation = 'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'contains_username';

/** Lower-cased words and keyboard walks that decorated with digits and symbols still make a weak password. */
const commonStems = new Set([
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'qwertyuiop',
  'qwer1234',
  'asdfghjkl',
  'asdf1234',
  'zxcvbnm',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qazwsx',
  'qazwsxedc',
  'zaq12wsx',
  'abc123',
  'abcd1234',
  'admin',
  'administrator',
  'root',
  'welcome',
  'iloveyou',
  'letmein',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'master',
  'shadow',
  'superman',
  'trustno1',
  'changeme',
  'default',
  'secret',
  'login',
  'woaini',
  'woaini1314',
  '5201314',
  'aini1314',
  'zhijian',
  'shichang',
  'jianguan',
  'scjg',
  'gongzuo',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'zhejiang',
  'ningbo',
  'hangzhou',
  'test',
  'testing',
  'guest',
  'user',
  'temp',
  'summer',
  'winter',
  'spring',
  'autumn',
  'hello',
  'hellohello',
  'computer',
  'internet',
  'starwars',
  'pokemon',
  'michael',
  'jennifer',
  'jordan',
  'harley',
  'hunter',
  'ranger',
  'buster',
  'soccer',
  'hockey',
  'killer',
  'whatever',
]);

/** Whole passwords that meet the length and class rules yet top every leaked-password list. */
const commonPasswords = new Set([
  '123456789012',
  '1234567890ab',
  'qwertyuiop12',
  'qwertyuiop[]',
  'password1234',
  'password123!',
  'password@123',
  'p@ssw0rd1234',
  'passw0rd1234',
  'admin1234567',
  'admin@123456',
  'admin123456!',
  'aa1234567890',
  'abc123456789',
  'abcd1234!@#$',
  'qwer1234!@#$',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1qaz!qaz2wsx',
  'zaq1@wsx3edc',
  'welcome12345',
  'welcome@2020',
  'welcome@2021',
  'iloveyou1234',
  'woaini1314!!',
  'woaini520520',
  'a12345678910',
  'q1w2e3r4t5y6',
]);

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** The policy's verdict: an empty list means the password is acceptable. */
export function checkPasswordPolicy(password: string, context: { username?: string } = {}): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  if ([...password].length < passwordMinLength) violations.push('too_short');
  if ([...password].length > passwordMaxLength) violations.push('too_long');
  if (characterClasses(password) < 3) violations.push('too_few_classes');
  const lower = password.toLowerCase();
  const stem = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const digitsOnlyStem = lower.replace(/[^a-z0-9]/g, '');
  if (commonPasswords.has(lower) || commonStems.has(stem) || commonStems.has(digitsOnlyStem) || /^(.)\1+$/.test(lower)) {
    violations.push('common');
  }
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) violations.push('contains_username');
  return violations;
}
