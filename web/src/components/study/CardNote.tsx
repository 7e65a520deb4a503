import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { describeError } from '../../lib/forms';
import { FormAlert } from '../Alert';
import { Button } from '../Button';
import { NoteIcon } from '../Icons';
import { inputClass } from '../TextField';

export const NOTE_MAX = 2000;

interface CardNoteProps {
  cardId: string;
  note: string | null;
  editing: boolean;
  onEdit: () => void;
  onClose: () => void;
  onSaved: (text: string) => void;
}

/** The learner's own note on a card, shown with the question; E edits it. */
export function CardNote({ cardId, note, editing, onEdit, onClose, onSaved }: CardNoteProps) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);

  // Back to the button once the editor closes, so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) return <NoteEditor cardId={cardId} initial={note ?? ''} onClose={onClose} onSaved={onSaved} />;

  return (
    <div className="mt-6">
      {note && (
        <figure className="mb-2 rounded-lg border-l-4 border-amber-500 bg-amber-50 px-4 py-3 dark:border-amber-400 dark:bg-amber-950/30">
          <figcaption className="text-xs font-semibold tracking-wide text-amber-900 uppercase dark:text-amber-200">
            Your note
          </figcaption>
          <p className="mt-1 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{note}</p>
        </figure>
      )}
      <button
        ref={editButton}
        type="button"
        onClick={onEdit}
        aria-keyshortcuts="E"
        className="inline-flex min-h-10 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-slate-600 hover:bg-slate-200/70 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
      >
        <NoteIcon className="size-4" />
        {note ? 'Edit note' : 'Add a note'}
        <span aria-hidden="true" className="hidden font-mono text-xs opacity-70 sm:inline">
          <kbd>E</kbd>
        </span>
      </button>
    </div>
  );
}

function NoteEditor({
  cardId,
  initial,
  onClose,
  onSaved,
}: {
  cardId: string;
  initial: string;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const save = useMutation({
    mutationFn: (value: string) => api.saveNote(cardId, value),
    onSuccess: (res) => {
      onSaved(res?.text ?? text.trim());
      onClose();
    },
  });
  const submit = () => {
    if (!save.isPending) save.mutate(text.trim());
  };

  return (
    <form
      className="mt-6 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Your note on this card
      </label>
      <textarea
        id={id}
        // biome-ignore lint/a11y/noAutofocus: opened on request (E or the button), so focus belongs here
        autoFocus
        rows={3}
        maxLength={NOTE_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        aria-describedby={`${id}-count`}
        className={`${inputClass} resize-y`}
      />
      <p id={`${id}-count`} className="text-sm text-slate-600 dark:text-slate-400">
        {text.length} of {NOTE_MAX} characters. Leave it empty to delete the note.
        <span className="hidden sm:inline"> Ctrl+Enter saves, Escape cancels.</span>
      </p>
      <FormAlert message={save.isError ? describeError(save.error).message : null} />
      <div className="flex gap-2">
        <Button type="submit" busy={save.isPending} disabled={save.isPending}>
          Save note
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
