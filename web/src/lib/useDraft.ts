import { useEffect, useState } from 'react';
import type { RunLanguage } from '../api';

export interface Draft {
  code: string;
  language: RunLanguage;
}

const key = (exerciseId: string) => `np-draft:${exerciseId}`;

function read(exerciseId: string): Draft | null {
  try {
    const value = JSON.parse(localStorage.getItem(key(exerciseId)) ?? 'null') as Partial<Draft> | null;
    if (!value || typeof value.code !== 'string') return null;
    return { code: value.code, language: value.language === 'typescript' ? 'typescript' : 'javascript' };
  } catch {
    return null;
  }
}

function write(exerciseId: string, draft: Draft | null): void {
  try {
    if (draft) localStorage.setItem(key(exerciseId), JSON.stringify(draft));
    else localStorage.removeItem(key(exerciseId));
  } catch {
    // Private mode or full storage: the draft lasts for this page only.
  }
}

/**
 * The learner's code for one exercise, kept in this browser (localStorage) so it survives a reload.
 * Until they change anything it is the starter, and a draft equal to the starter is not stored.
 */
export function useDraft(exerciseId: string, starter: string) {
  const [draft, setDraft] = useState<Draft>(
    () => read(exerciseId) ?? { code: starter, language: 'javascript' },
  );
  const isStarter = draft.code === starter;

  // Saved a moment after the last keystroke rather than on each one.
  useEffect(() => {
    const timer = window.setTimeout(
      () => write(exerciseId, draft.code === starter && draft.language === 'javascript' ? null : draft),
      300,
    );
    return () => window.clearTimeout(timer);
  }, [exerciseId, starter, draft]);

  return {
    draft,
    isStarter,
    setCode: (code: string) => setDraft((d) => (d.code === code ? d : { ...d, code })),
    setLanguage: (language: RunLanguage) => setDraft((d) => ({ ...d, language })),
    load: (next: Draft) => setDraft(next),
    reset: () => setDraft((d) => ({ ...d, code: starter })),
  };
}
