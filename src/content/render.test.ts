import { describe, expect, it } from 'vitest';
import { createRenderer } from './render.js';

describe('markdown rendering', () => {
  it('drops raw HTML and script URLs', async () => {
    const r = await createRenderer();
    const { html } = r.markdown(
      'Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Hi');
  });

  it('highlights fenced code at render time with light and dark colours', async () => {
    const r = await createRenderer();
    const { html } = r.markdown('```js\nconst a = 1;\n```');
    expect(html).toContain('class="shiki');
    expect(html).toContain('--shiki-light');
    expect(html).toContain('--shiki-dark');
  });

  it('gives headings the anchors cards point at, and lists them as a table of contents', async () => {
    const r = await createRenderer();
    const { html, toc } = r.markdown('## process.nextTick() vs. promises\n\ntext\n\n### Deeper');
    expect(html).toContain('<h2 id="process-nexttick-vs-promises">');
    expect(toc).toEqual([
      { id: 'process-nexttick-vs-promises', text: 'process.nextTick() vs. promises', depth: 2 },
      { id: 'deeper', text: 'Deeper', depth: 3 },
    ]);
  });

  it('renders an output block as plain preformatted text', async () => {
    const r = await createRenderer();
    expect(r.markdown('```output\n<b>1</b>\n```').html).toContain(
      '<pre class="plain output"><code>&#x3C;b>1&#x3C;/b></code></pre>',
    );
  });
});
