/**
 * Server-rendered public pages (QR-code pages, the complaint form, published lists): HTML that works
 * without JavaScript on a poor phone connection. `html` escapes every interpolated value; nest trusted
 * fragments with `html` too, or mark them with `raw`.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] as string);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks text as already-safe HTML. Only for fragments the server built itself. */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** A table wider than a phone scrolls sideways in a region a keyboard can reach and a screen reader names (WCAG 2.1.1). */
export function scrollRegion(label: string, content: SafeHtml): SafeHtml {
  return html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${content}</div>`;
}

export type PublicLanguage = 'zh-CN' | 'en';

/** `?lang=en` or the browser's Accept-Language picks English; Chinese otherwise. */
export function publicLanguage(query: { lang?: string } | undefined, acceptLanguage: string | undefined): PublicLanguage {
  if (query?.lang === 'en') return 'en';
  if (query?.lang === 'zh-CN' || query?.lang === 'zh') return 'zh-CN';
  return acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const styles = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2329;background:#f5f6f7}
header{background:#1f4e96;color:#fff;padding:12px 16px}header a{color:#fff}header .lang{float:right;font-size:14px}
main{max-width:720px;margin:0 auto;padding:16px}section{background:#fff;border-radius:8px;padding:16px;margin:0 0 12px}
h1{font-size:20px;margin:0}h2{font-size:17px;margin:0 0 8px}table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px 4px;border-bottom:1px solid #eee;vertical-align:top}
.muted{color:#646a73;font-size:14px}.warn{background:#fff7e6;border:1px solid #ffd591;padding:8px;border-radius:6px}
label{display:block;margin:10px 0 4px}input,select,textarea{width:100%;padding:8px;font:inherit;border:1px solid #c9cdd4;border-radius:6px}
button,.button{display:inline-block;background:#1f4e96;color:#fff;border:0;border-radius:6px;padding:10px 16px;font:inherit;text-decoration:none}
.error{color:#c62828}.req{color:#c62828;font-size:14px}dt{color:#646a73;font-size:14px}dd{margin:0 0 8px}.scroll{overflow-x:auto}.years a,.paging a{display:inline-block;padding:6px 8px}.paging{margin-top:8px}
:focus-visible{outline:3px solid #1f4e96;outline-offset:2px}form[role=search] input{width:auto;max-width:100%}footer{text-align:center;color:#646a73;font-size:13px;padding:16px}`;

/** The frame of every public page: small, no script, cacheable by the caller's headers. */
export function publicPage(options: {
  language: PublicLanguage;
  title: string;
  body: SafeHtml;
  /** Path of this page without `lang`, for the language switch. */
  path: string;
}): string {
  const isEnglish = options.language === 'en';
  const separator = options.path.includes('?') ? '&' : '?';
  const switchTo = isEnglish
    ? html`<a href="${options.path}${separator}lang=zh-CN">中文</a>`
    : html`<a href="${options.path}${separator}lang=en">English</a>`;
  return `<!doctype html>${html`<html lang="${options.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${options.title}</title><style>${raw(styles)}</style></head><body><header><span class="lang">${switchTo}</span><h1>${options.title}</h1></header><main>${options.body}</main><footer>${isEnglish ? 'District Market Supervision Bureau · hotline 12315' : '区市场监督管理局 · 投诉举报电话 12315'}</footer></body></html>`.text}`;
}
