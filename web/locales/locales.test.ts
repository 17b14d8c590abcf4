import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every text the web shows exists in both languages: a key missing from one falls back to the other (or shows the key).
const folder = new URL('./', import.meta.url);
const read = (language: string, file: string) => JSON.parse(readFileSync(new URL(`${language}/${file}`, folder), 'utf8')) as unknown;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('web locales', () => {
  const namespaces = readdirSync(new URL('zh-CN/', folder)).sort();

  it('have the same namespaces in zh-CN and en', () => {
    expect(readdirSync(new URL('en/', folder)).sort()).toEqual(namespaces);
  });

  it.each(namespaces)('%s has the same keys in zh-CN and en', (file) => {
    expect(keysOf(read('en', file)).sort()).toEqual(keysOf(read('zh-CN', file)).sort());
  });
});
