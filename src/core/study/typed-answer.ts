import type { Rating } from './scheduler.js';

/**
 * Explainable matching of a typed answer against a card's key points: word overlap after
 * normalisation, widened by the card's own synonyms. No model, no randomness, so the learner can
 * see exactly which words earned or missed each point.
 */

export interface KeyPointMatch {
  keyPoint: string;
  covered: boolean;
  /** The key point's significant words found in the answer (as written in the key point). */
  matched: string[];
  /** The key point's significant words the answer lacks. */
  missing: string[];
}

export interface TypedAnswerResult {
  points: KeyPointMatch[];
  /** Share of key points covered, 0..1. */
  coverage: number;
  suggestedRating: Rating;
}

/** A key point counts as covered when at least this share of its significant words appear. */
export const KEY_POINT_THRESHOLD = 0.6;

/**
 * Coverage → rating: again < 1/3 ≤ hard < 2/3 ≤ good < 0.9 ≤ easy. Exact thirds rather than
 * 0.34 / 0.67, so that with three key points each point covered moves the rating up one step
 * (2 of 3 is 0.666…, which 0.67 would call "hard").
 */
export const RATING_THRESHOLDS = { hard: 1 / 3, good: 2 / 3, easy: 0.9 } as const;

// Negations stay significant: "does not block" and "blocks" are different answers.
const STOP_WORDS = new Set(
  (
    'a an the and or but if then else so than of to in on at by for with from into onto about as ' +
    'is are was were be been being am it its this that these those there here which who whom whose ' +
    'what when where how why can could will would shall should may might must do does did done has ' +
    'have had having i me my we our you your he she him her they them their also just very too ' +
    'each any some such only own same other again further once both all more most up down out over'
  ).split(' '),
);

interface Word {
  surface: string;
  stem: string;
}

function hasVowel(s: string): boolean {
  return /[aeiouy]/.test(s);
}

function undouble(s: string): string {
  return /([^aeiouslz])\1$/.test(s) ? s.slice(0, -1) : s;
}

/** A light suffix stripper: the same word in singular, plural, past or -ing form gets one stem. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 3) {
    if (w.endsWith('ies') || w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
    else if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('es')) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    // The vowel test keeps "string", "thing" and "bring" whole.
    else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (w.endsWith('ed') && !w.endsWith('eed') && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  }
  // "cache", "caches", "cached" and "caching" all meet at "cach".
  if (w.length > 2 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Splits text into lower-case words: code backticks and punctuation go, camelCase and dots split. */
function rawWords(text: string): string[] {
  return text
    .replace(/`/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The significant words of a text, stop words dropped and stemmed; all words if none is significant. */
function words(text: string): Word[] {
  const all = rawWords(text).map((surface) => ({ surface, stem: stem(surface) }));
  const significant = all.filter((w) => !STOP_WORDS.has(w.surface));
  return significant.length > 0 ? significant : all;
}

/** The stems a text is reduced to before matching (exported so the UI can show its working). */
export function normaliseWords(text: string): string[] {
  return words(text).map((w) => w.stem);
}

/** Joined forms of identifiers such as `process.nextTick`, so "nexttick" in a key point still matches. */
function identifierStems(text: string): string[] {
  const out: string[] = [];
  for (const id of text.match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[a-z]+[A-Z][\w$]*/g) ?? []) {
    const parts = id.toLowerCase().split('.');
    out.push(stem(parts.join('')), ...parts.map(stem));
  }
  return out;
}

function indexOfRun(haystack: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Groups of interchangeable phrases: a term and its synonyms, read in both directions. */
function synonymGroups(synonyms: Record<string, string[]>): string[][][] {
  return Object.entries(synonyms).map(([term, alternatives]) =>
    [term, ...alternatives].map(normaliseWords).filter((p) => p.length > 0),
  );
}

function suggest(coverage: number): Rating {
  if (coverage >= RATING_THRESHOLDS.easy) return 'easy';
  if (coverage >= RATING_THRESHOLDS.good) return 'good';
  if (coverage >= RATING_THRESHOLDS.hard) return 'hard';
  return 'again';
}

/** Which key points a typed answer covers, word by word, and the rating that suggests. */
export function matchKeyPoints(
  typed: string,
  keyPoints: readonly string[],
  synonyms: Record<string, string[]> = {},
): TypedAnswerResult {
  const answer = normaliseWords(typed);
  const answerSet = new Set([...answer, ...identifierStems(typed)]);
  const groups = synonymGroups(synonyms);

  const points = keyPoints.map((keyPoint): KeyPointMatch => {
    const kp = words(keyPoint);
    const stems = kp.map((w) => w.stem);
    const found = kp.map((w) => answerSet.has(w.stem));
    for (const group of groups) {
      if (!group.some((phrase) => indexOfRun(answer, phrase) >= 0)) continue;
      // The answer used some phrase of this group: credit every phrase of the group in the key point.
      for (const phrase of group) {
        for (let at = indexOfRun(stems, phrase); at >= 0; at = indexOfRun(stems, phrase, at + 1)) {
          for (let j = 0; j < phrase.length; j++) found[at + j] = true;
        }
      }
    }
    const matched = kp.filter((_, i) => found[i]).map((w) => w.surface);
    const missing = kp.filter((_, i) => !found[i]).map((w) => w.surface);
    const covered = kp.length > 0 && matched.length / kp.length >= KEY_POINT_THRESHOLD;
    return { keyPoint, covered, matched, missing };
  });

  const coverage = points.length === 0 ? 0 : points.filter((p) => p.covered).length / points.length;
  return { points, coverage, suggestedRating: suggest(coverage) };
}
