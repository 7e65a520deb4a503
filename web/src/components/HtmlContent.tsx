import { type MouseEvent, useLayoutEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { applyStashedStyles, stashInlineStyles } from '../lib/html';

/** Same-origin paths served by the back end, not by the app's router. */
const SERVER_PATHS = /^\/(api|docs)(\/|$)|^\/(openapi\.json|healthz|readyz)$|\.[a-z0-9]+$/i;

interface HtmlContentProps {
  /** Sanitised HTML from the server. */
  html: string;
  className?: string;
}

/** Renders server HTML with prose typography; internal links navigate without a page load. */
export function HtmlContent({ html, className = '' }: HtmlContentProps) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const safeHtml = useMemo(() => ({ __html: stashInlineStyles(html) }), [html]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-apply whenever new HTML was rendered
  useLayoutEffect(() => {
    if (ref.current) applyStashedStyles(ref.current);
  }, [safeHtml]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element).closest('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || SERVER_PATHS.test(url.pathname)) return;
    if (url.pathname === window.location.pathname && url.hash) return; // in-page anchor: let the browser scroll
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };

  return (
    // The HTML is sanitised by the server; click handling only delegates to the links inside,
    // which are keyboard-activatable themselves.
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server HTML (see above)
    // biome-ignore lint/a11y/noStaticElementInteractions: delegated link clicks
    // biome-ignore lint/a11y/useKeyWithClickEvents: delegated link clicks
    <div ref={ref} className={`prose ${className}`} onClick={onClick} dangerouslySetInnerHTML={safeHtml} />
  );
}
