/**
 * Application-side n-grams for registry search (docs/decisions/0004-registry-search.md). pg_trgm needs
 * three characters and, under the C locale, ignores CJK entirely, so one- and two-character Chinese
 * queries (「店」, 「餐饮」) would scan the table. Every unigram and bigram of the lower-cased name and
 * address goes into a GIN-indexed text[]; a query needs only its own grams to be contained.
 */
export function searchGrams(...texts: string[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    for (const run of normaliseForSearch(text).split(/\s+/)) {
      const characters = [...run];
      for (let index = 0; index < characters.length; index++) {
        const character = characters[index] as string;
        grams.add(character);
        const next = characters[index + 1];
        if (next !== undefined) grams.add(character + next);
      }
    }
  }
  return [...grams];
}

/** Lower case, full-width ASCII folded to half-width, runs of spaces collapsed. */
export function normaliseForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .trim();
}

export type SearchPlan =
  /** One character: its unigram must be present; the index answers exactly. */
  | { kind: 'unigram'; gram: string; text: string; codePrefix?: string }
  /** Two or more: every bigram must be present (the index narrows), then a substring recheck. */
  | { kind: 'bigrams'; grams: string[]; text: string; codePrefix?: string };

/**
 * How to search for `query`: by grams of its text, and — when it looks like the start of a credit code
 * or a licence number (letters and digits, 4 or more) — also by code prefix.
 */
export function planSearch(query: string): SearchPlan | undefined {
  const text = normaliseForSearch(query).replace(/\s+/g, ' ');
  if (!text) return undefined;
  const compact = text.replace(/\s+/g, '');
  const codePrefix = /^[0-9a-z]{4,20}$/.test(compact) ? compact.toUpperCase() : undefined;
  const characters = [...text].filter((character) => character !== ' ');
  if (characters.length === 1) return { kind: 'unigram', gram: characters[0] as string, text, ...(codePrefix ? { codePrefix } : {}) };
  const grams = new Set<string>();
  for (const run of text.split(' ')) {
    const runCharacters = [...run];
    if (runCharacters.length === 1) grams.add(run);
    for (let index = 0; index + 1 < runCharacters.length; index++) grams.add(`${runCharacters[index]}${runCharacters[index + 1]}`);
  }
  return { kind: 'bigrams', grams: [...grams], text, ...(codePrefix ? { codePrefix } : {}) };
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
