import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { createHighlighter, type Highlighter } from 'shiki';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { slugify } from '../core/content/model.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

export interface Rendered {
  html: string;
  toc: TocEntry[];
}

const LANGS = ['javascript', 'typescript', 'json', 'sql', 'bash', 'yaml', 'graphql', 'http', 'html'] as const;
const ALIASES: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  yml: 'yaml',
  gql: 'graphql',
};

/**
 * Markdown to sanitised HTML. Raw HTML in the source is dropped; what remains is sanitised
 * before code is highlighted (by Shiki, at render time, with light and dark colours as CSS
 * variables), so no client-side highlighter is needed.
 */
export interface Renderer {
  markdown(source: string): Rendered;
  code(source: string, lang: string): string;
  /** Writes new renders to the cache file, if there is one. */
  flush(): void;
  stats(): { rendered: number; cached: number };
}

/** Bump when the rendering changes, so cached HTML is not reused. */
const RENDER_VERSION = 'r1';

let shared: Promise<Highlighter> | undefined;

/**
 * Highlighting is the slow part of a sync (tens of ms per block), so renders are cached on disk
 * by a hash of their source: `npm run build` renders the curriculum once, and a sync only renders
 * what changed since.
 */
export async function createRenderer(options: { cacheFile?: string } = {}): Promise<Renderer> {
  const cacheFile = options.cacheFile;
  let cache: Record<string, unknown> = {};
  if (cacheFile) {
    try {
      cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, unknown>;
    } catch {
      cache = {};
    }
  }
  let dirty = false;
  const counts = { rendered: 0, cached: 0 };
  const memo = <T>(kind: string, source: string, make: () => T): T => {
    const key = createHash('sha256').update(`${RENDER_VERSION}\0${kind}\0${source}`).digest('base64url');
    if (key in cache) {
      counts.cached++;
      return cache[key] as T;
    }
    counts.rendered++;
    const value = make();
    cache[key] = value;
    dirty = true;
    return value;
  };
  const inner = await createUncachedRenderer();
  return {
    markdown: (source) => memo('md', source, () => inner.markdown(source)),
    code: (source, lang) => memo(`code:${lang}`, source, () => inner.code(source, lang)),
    flush() {
      if (!cacheFile || !dirty) return;
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(cache));
      fs.renameSync(tmp, cacheFile);
      dirty = false;
    },
    stats: () => ({ ...counts }),
  };
}

async function createUncachedRenderer(): Promise<Pick<Renderer, 'markdown' | 'code'>> {
  shared ??= createHighlighter({ themes: ['github-light', 'github-dark'], langs: [...LANGS] });
  const highlighter = await shared;

  const codeHast = (source: string, lang: string): Element => {
    const resolved = ALIASES[lang] ?? lang;
    if (!(LANGS as readonly string[]).includes(resolved)) {
      return {
        type: 'element',
        tagName: 'pre',
        properties: {
          className: ['plain', lang === 'output' ? 'output' : `lang-${slugify(lang) || 'text'}`],
        },
        children: [
          { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: source }] },
        ],
      };
    }
    const root = highlighter.codeToHast(source, {
      lang: resolved,
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    });
    return root.children[0] as Element;
  };

  const highlight = () => (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return;
      const classes = (code.properties?.className as string[] | undefined) ?? [];
      const lang = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? 'text';
      parent.children[index] = codeHast(hastToString(code).replace(/\n$/, ''), lang) as ElementContent;
    });
  };

  const toc: TocEntry[] = [];
  const headingIds = () => (tree: Root) => {
    visit(tree, 'element', (node) => {
      const m = /^h([2-4])$/.exec(node.tagName);
      if (!m) return;
      const text = hastToString(node);
      const id = slugify(text);
      node.properties = { ...node.properties, id };
      toc.push({ id, text, depth: Number(m[1]) });
    });
  };

  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, {
      ...defaultSchema,
      clobberPrefix: '',
      attributes: { ...defaultSchema.attributes, code: [['className', /^language-[\w-]+$/]] },
    })
    .use(headingIds)
    .use(highlight)
    .use(rehypeStringify);

  return {
    markdown(source) {
      toc.length = 0;
      const html = String(processor.processSync(source));
      return { html, toc: [...toc] };
    },
    code(source, lang) {
      return highlighter.codeToHtml(source.replace(/\n$/, ''), {
        lang: (LANGS as readonly string[]).includes(ALIASES[lang] ?? lang) ? (ALIASES[lang] ?? lang) : 'text',
        themes: { light: 'github-light', dark: 'github-dark' },
        defaultColor: false,
      });
    },
  };
}
