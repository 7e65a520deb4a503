import { describe, expect, it } from 'vitest';
import { slugify } from '../core/content/model.js';
import { parseGuide } from './load.js';

describe('guides', () => {
  it('find sections, runnable blocks and their expected output', () => {
    const md = [
      '# Title',
      '',
      '## First part',
      '',
      '```js run cjs',
      "console.log('a')",
      '```',
      '',
      '```output',
      'a',
      '```',
      '',
      '```js',
      "console.log('illustration only')",
      '```',
      '',
      '## Second: part',
      '```js run',
      "console.log('b')",
      '```',
      'text between',
      '```output',
      'not attached',
      '```',
    ].join('\n');
    const g = parseGuide('guide.md', md);
    expect(g.title).toBe('Title');
    expect(g.sections.map((s) => [s.anchor, s.line])).toEqual([
      ['first-part', 3],
      ['second-part', 17],
    ]);
    expect(g.runBlocks).toEqual([
      { line: 5, code: "console.log('a')", module: 'cjs', output: 'a\n' },
      { line: 18, code: "console.log('b')", module: 'esm', output: undefined },
    ]);
  });

  it('ignore headings inside code blocks', () => {
    const g = parseGuide('g.md', '# T\n```md\n## not a section\n```\n## Real');
    expect(g.sections.map((s) => s.anchor)).toEqual(['real']);
  });

  it('make anchors from headings the documented way', () => {
    expect(slugify('setTimeout(fn, 0) vs. setImmediate()')).toBe('settimeout-fn-0-vs-setimmediate');
    expect(slugify('  The poll phase!  ')).toBe('the-poll-phase');
  });
});
