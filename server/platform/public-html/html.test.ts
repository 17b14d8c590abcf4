import { describe, expect, it } from 'vitest';
import { html, publicLanguage, publicPage, raw } from './html.ts';

describe('public HTML', () => {
  it('escapes every interpolated value, nests html fragments and raw text as is', () => {
    const name = '<script>alert("x")</script> & 店';
    expect(html`<p>${name}</p>`.text).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 店</p>');
    expect(html`<ul>${['a', 'b'].map((item) => html`<li>${item}</li>`)}</ul>`.text).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${raw('<b>ok</b>')}${null}${undefined}${false}`.text).toBe('<b>ok</b>');
  });

  it('picks the language from ?lang, then Accept-Language, Chinese by default', () => {
    expect(publicLanguage({ lang: 'en' }, 'zh-CN')).toBe('en');
    expect(publicLanguage({}, 'en-US,en')).toBe('en');
    expect(publicLanguage(undefined, undefined)).toBe('zh-CN');
  });

  it('renders a page with no script and a language switch', () => {
    const page = publicPage({ language: 'zh-CN', title: '公示', body: html`<p>x</p>`, path: '/p/abc' });
    expect(page).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('href="/p/abc?lang=en"');
  });
});
