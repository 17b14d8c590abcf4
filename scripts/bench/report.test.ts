import { describe, expect, it } from 'vitest';
import { mergeReports } from './report.ts';

const header = (when: string) => `# Benchmarks\n\nWritten ${when}.\n\n## Machine\n\n| cores | 2 |\n\n## How to read this\n\nText.\n\n`;

describe('mergeReports', () => {
  it('replaces the re-measured section, keeps the others in benchmark order, takes the fresh header', () => {
    const previous = `${header('monday')}## a\n\nold a\n\n## b\n\nold b\n\n## c\n\nold c\n`;
    const fresh = `${header('tuesday')}## b\n\nnew b\n`;
    expect(mergeReports(previous, fresh, ['a', 'b', 'c'])).toBe(`${header('tuesday')}## a\n\nold a\n\n## b\n\nnew b\n\n## c\n\nold c\n`);
  });

  it('adds a section the previous report did not have, and drops sections of benchmarks that no longer exist', () => {
    const previous = `${header('monday')}## gone\n\nold\n\n## a\n\nold a\n`;
    const fresh = `${header('tuesday')}## new\n\nfirst\n`;
    expect(mergeReports(previous, fresh, ['a', 'new'])).toBe(`${header('tuesday')}## a\n\nold a\n\n## new\n\nfirst\n`);
  });
});
