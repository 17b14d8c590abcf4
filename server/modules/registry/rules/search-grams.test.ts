import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLike, normaliseForSearch, planSearch, searchGrams } from './search-grams.ts';

describe('search grams', () => {
  it('holds every unigram and bigram of name and address', () => {
    expect(searchGrams('顺发餐饮店', '中河路1号').sort()).toEqual(
      ['顺', '发', '餐', '饮', '店', '顺发', '发餐', '餐饮', '饮店', '中', '河', '路', '1', '号', '中河', '河路', '路1', '1号'].sort(),
    );
  });

  it('folds full-width letters and case', () => {
    expect(normaliseForSearch('ＡＢＣ有限公司')).toBe('abc有限公司');
    expect(searchGrams('AB')).toEqual(['a', 'ab', 'b']);
  });

  it('plans a one-character query as a unigram lookup', () => {
    expect(planSearch('店')).toEqual({ kind: 'unigram', gram: '店', text: '店' });
  });

  it('plans longer queries as all their bigrams plus a substring recheck', () => {
    expect(planSearch('餐饮店')).toEqual({ kind: 'bigrams', grams: ['餐饮', '饮店'], text: '餐饮店' });
    expect(planSearch('  ')).toBeUndefined();
  });

  it('also searches a code prefix for letters and digits', () => {
    expect(planSearch('jy1330212')).toMatchObject({ codePrefix: 'JY1330212' });
    expect(planSearch('9133')).toMatchObject({ codePrefix: '9133' });
  });

  it('every substring of an indexed text has all its planned grams in the index', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'中河街道顺发餐饮店有限公司ab1'), minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const characters = [...text];
          const start = a % characters.length;
          const end = start + 1 + (b % (characters.length - start));
          const query = characters.slice(start, end).join('');
          const plan = planSearch(query);
          const grams = new Set(searchGrams(text));
          if (!plan) return;
          const needed = plan.kind === 'unigram' ? [plan.gram] : plan.grams;
          for (const gram of needed) expect(grams.has(gram)).toBe(true);
        },
      ),
    );
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\')).toBe('50\\%\\_a\\\\');
  });
});
