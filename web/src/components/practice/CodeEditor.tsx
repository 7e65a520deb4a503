import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RunLanguage } from '../../api';

/**
 * The editor lives in a shadow root on purpose. CodeMirror injects its styles with style-mod, which
 * adds a <style> element to a document (blocked by our CSP, style-src 'self') but uses a
 * constructed, adopted style sheet for a shadow root, which the CSP allows. Colours come from CSS
 * custom properties set in index.css (`.np-editor`), which inherit into the shadow tree, so the
 * editor follows the light and dark themes without JavaScript.
 */

const v = (name: string) => `var(--np-editor-${name})`;

const theme = EditorView.theme({
  '&': {
    color: v('fg'),
    backgroundColor: v('bg'),
    fontSize: '0.875rem',
    height: '100%',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: v('font'),
    lineHeight: '1.6',
    minHeight: '18rem',
    maxHeight: '70vh',
  },
  '.cm-content': { caretColor: v('cursor'), padding: '0.75rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: v('cursor') },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: v('selection') },
  '.cm-gutters': {
    backgroundColor: v('gutter-bg'),
    color: v('gutter-fg'),
    borderRight: `1px solid ${v('border')}`,
  },
  '.cm-activeLine': { backgroundColor: v('active-line') },
  '.cm-activeLineGutter': { backgroundColor: v('active-line'), color: v('fg') },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: v('match'),
    outline: `1px solid ${v('border')}`,
  },
  '.cm-tooltip': {
    backgroundColor: v('bg'),
    color: v('fg'),
    border: `1px solid ${v('border')}`,
    borderRadius: '0.375rem',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: v('selection'), color: v('fg') },
  '.cm-panels': { backgroundColor: v('gutter-bg'), color: v('fg') },
  '.cm-panels input, .cm-panels button': { font: 'inherit', color: 'inherit' },
  '.cm-foldPlaceholder': { backgroundColor: v('match'), color: v('fg'), border: 'none' },
});

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword], color: v('keyword') },
  { tag: [t.string, t.special(t.string), t.regexp], color: v('string') },
  { tag: [t.number, t.bool, t.null, t.atom], color: v('number') },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: v('comment'), fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: v('function') },
  { tag: [t.typeName, t.className, t.definition(t.typeName)], color: v('type') },
  { tag: [t.propertyName], color: v('property') },
  { tag: [t.definition(t.variableName)], color: v('definition') },
  { tag: t.invalid, color: v('invalid') },
]);

/**
 * Typing over a selection that spans lines lets Chromium edit the DOM itself, and its merge of
 * the lines adds style attributes, which the CSP refuses (and reports). Such input is applied as an
 * editor transaction instead, through the usual input handlers (so bracket wrapping still works).
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.isComposing || !event.data) return false;
    const { main } = view.state.selection;
    if (
      view.state.selection.ranges.length > 1 ||
      view.state.doc.lineAt(main.from).number === view.state.doc.lineAt(main.to).number
    )
      return false;
    const text = event.data;
    event.preventDefault();
    const insert = () => view.state.update(view.state.replaceSelection(text), { userEvent: 'input.type' });
    for (const handler of view.state.facet(EditorView.inputHandler))
      if (handler(view, main.from, main.to, text, insert)) return true;
    view.dispatch(insert());
    return true;
  },
});

function language(lang: RunLanguage) {
  return javascript({ typescript: lang === 'typescript' });
}

/** How many reported texts are remembered while waiting for their echo. */
const REPORTED_KEPT = 64;

interface CodeEditorProps {
  value: string;
  language: RunLanguage;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Ctrl/Cmd+Shift+Enter. */
  onSubmit: () => void;
  /** Accessible name of the editing area. */
  label: string;
  /** Id of an element describing the editor (e.g. the shortcut hint). */
  describedBy?: string;
}

/**
 * CodeMirror 6 as a controlled component: typing reports `onChange`; a `value` set from outside
 * (reset, loading a past submission) replaces the text as one undoable change.
 */
export function CodeEditor({
  value,
  language: lang,
  onChange,
  onRun,
  onSubmit,
  label,
  describedBy,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun, onSubmit });
  // Texts the editor reported that have not come back as `value` yet. A `value` among them is the
  // echo of the learner's own typing, possibly stale (a render lagging behind fast typing); only a
  // value the editor never reported is a change from outside.
  const reported = useRef<string[]>([]);
  useLayoutEffect(() => {
    callbacks.current = { onChange, onRun, onSubmit };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is created once; later props are applied below
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const attributes: Record<string, string> = { 'aria-label': label };
    if (describedBy) attributes['aria-describedby'] = describedBy;
    const view = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  callbacks.current.onRun();
                  return true;
                },
              },
              {
                key: 'Shift-Mod-Enter',
                run: () => {
                  callbacks.current.onSubmit();
                  return true;
                },
              },
            ]),
          ),
          basicSetup,
          typeOverSelection,
          languageSlot.current.of(language(lang)),
          theme,
          syntaxHighlighting(highlight),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            reported.current.push(text);
            if (reported.current.length > REPORTED_KEPT) reported.current.shift();
            callbacks.current.onChange(text);
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: languageSlot.current.reconfigure(language(lang)) });
  }, [lang]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const echo = reported.current.indexOf(value);
    if (echo >= 0) {
      reported.current.splice(0, echo + 1);
      return;
    }
    const current = view.state.doc.toString();
    if (current !== value) view.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return (
    <div
      ref={hostRef}
      className="np-editor overflow-hidden rounded-lg border border-slate-300 shadow-sm focus-within:border-emerald-600 focus-within:ring-2 focus-within:ring-emerald-600/30 dark:border-slate-700 dark:focus-within:border-emerald-400"
    />
  );
}
