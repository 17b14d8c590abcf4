export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Message text in both languages; `{name}` placeholders are filled from params. */
export type Bilingual = Readonly<Record<Language, string>>;

/** zh-CN unless the client prefers English (Accept-Language: en…) over Chinese. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function translate(text: Bilingual, language: Language, params: Record<string, unknown> = {}): string {
  return text[language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
