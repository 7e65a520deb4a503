import { useEffect } from 'react';

/** Sets document.title to "<title> · nodeprep" (or just "nodeprep"). */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · nodeprep` : 'nodeprep';
  }, [title]);
}
