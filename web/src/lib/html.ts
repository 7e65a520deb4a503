/**
 * Server HTML (Shiki output) puts colours in style attributes. Our CSP (style-src 'self') blocks
 * style attributes, but allows the CSSOM. So before the HTML reaches the DOM, style attributes are
 * moved to `data-np-style`, and after mounting the allowed declarations are applied with
 * `style.setProperty`. Only colour-ish properties pass; the HTML is already sanitised server-side.
 */

const STASH = 'data-np-style';
const ALLOWED = /^(--shiki-[a-z0-9-]+|color|background-color|font-style|font-weight|text-decoration)$/;

const TAG = /<[a-z][a-z0-9-]*\s[^<>]*>/gi;
const STYLE_ATTR = /(\s)style=("[^"]*"|'[^']*')/gi;

/**
 * A string rewrite on purpose: parsing with DOMParser already applies the page's CSP and logs a
 * violation for every style attribute. Anything the pattern misses is simply blocked
 * by the CSP (no colour), never executed.
 */
export function stashInlineStyles(html: string): string {
  if (!html.includes('style=')) return html;
  return html.replace(TAG, (tag) => tag.replace(STYLE_ATTR, `$1${STASH}=$2`));
}

export function applyStashedStyles(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(`[${STASH}]`)) {
    for (const declaration of (el.getAttribute(STASH) ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (ALLOWED.test(name) && !/url\(|expression\(/i.test(value)) el.style.setProperty(name, value);
    }
    el.removeAttribute(STASH);
  }
}
