import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/admin.json';
import zh from '../../locales/zh-CN/admin.json';
import { auditActionLabel } from './audit-labels.ts';

const serverRoot = new URL('../../../server/', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every literal audit action the server writes (`action: 'auth.login'`). */
const writtenActions = [
  ...new Set(
    sourceFiles(serverRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((match) => match[1] as string),
    ),
  ),
].sort();

async function translator(language: 'zh-CN' | 'en') {
  const instance = i18n.createInstance();
  await instance.init({ lng: language, ns: ['admin'], defaultNS: 'admin', resources: { 'zh-CN': { admin: zh }, en: { admin: en } } });
  return instance;
}

describe('audit log labels', () => {
  it('has a label in both languages for every action the server writes', async () => {
    expect(writtenActions.length).toBeGreaterThan(80);
    for (const language of ['zh-CN', 'en'] as const) {
      const instance = await translator(language);
      const missing = writtenActions.filter((action) => !instance.exists(`admin:audit.actions.${action}`));
      expect(missing, language).toEqual([]);
    }
  });

  it('reads auth.login as 登录 / Sign-in, and a step action it has no label for by its object and verb', async () => {
    const zhT = await translator('zh-CN');
    expect(auditActionLabel(zhT.t, 'auth.login', zhT.exists)).toBe('登录');
    expect(auditActionLabel(zhT.t, 'complaint.receive', zhT.exists)).toBe('登记投诉举报');
    expect(auditActionLabel(zhT.t, 'complaint.accept', zhT.exists)).toBe('受理');
    expect(auditActionLabel(zhT.t, 'complaint.close', zhT.exists)).toBe('投诉举报 · 办结');
    expect(auditActionLabel(zhT.t, 'risk_code.area', zhT.exists)).toBe('五色码 · area');
    const enT = await translator('en');
    expect(auditActionLabel(enT.t, 'auth.login', enT.exists)).toBe('Sign-in');
    expect(enT.t('audit.outcomes.success')).toBe('success');
    expect(zhT.t('audit.outcomes.success')).toBe('成功');
    expect(zhT.t('audit.objects.user')).toBe('用户');
  });
});
