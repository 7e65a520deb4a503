import { describe, expect, it } from 'vitest';
import { matchKeyPoints, normaliseWords, stem } from './typed-answer.js';

const eventLoop = [
  'process.nextTick callbacks run before promise callbacks',
  'setImmediate runs in the check phase',
  'timers run in the timers phase',
];

describe('typed answer matching', () => {
  it('covers a key point when at least 60% of its words appear, and reports exact coverage', () => {
    const result = matchKeyPoints('nextTick callbacks run first, then promises.', eventLoop, {});
    expect(result.points.map((p) => p.covered)).toEqual([true, false, false]);
    expect(result.coverage).toBeCloseTo(1 / 3, 10);
    expect(result.suggestedRating).toBe('hard');
  });

  it('lists the matched and missing words of each key point as the key point spells them', () => {
    const [first, second] = matchKeyPoints(
      'nextTick callbacks run first, then promises.',
      eventLoop,
      {},
    ).points;
    expect(first).toEqual({
      keyPoint: eventLoop[0],
      covered: true,
      matched: ['next', 'tick', 'callbacks', 'run', 'promise', 'callbacks'],
      missing: ['process', 'before'],
    });
    expect(second).toMatchObject({
      covered: false,
      matched: ['runs'],
      missing: ['set', 'immediate', 'check', 'phase'],
    });
  });

  it('suggests a rating from coverage: again < 1/3 ≤ hard < 2/3 ≤ good < 0.9 ≤ easy', () => {
    const all =
      '`process.nextTick()` callbacks run before promise callbacks; setImmediate runs in the check phase; timers run in the timers phase';
    const two =
      'process.nextTick callbacks run before promise callbacks. setImmediate runs in the check phase.';
    expect(matchKeyPoints(all, eventLoop, {})).toMatchObject({ coverage: 1, suggestedRating: 'easy' });
    expect(matchKeyPoints(two, eventLoop, {}).suggestedRating).toBe('good');
    expect(matchKeyPoints('timers', eventLoop, {})).toMatchObject({ coverage: 0, suggestedRating: 'again' });
    const five = ['alpha beta', 'gamma delta', 'epsilon zeta', 'eta theta', 'iota kappa'];
    expect(matchKeyPoints('alpha beta gamma delta epsilon zeta eta theta', five, {})).toMatchObject({
      coverage: 0.8,
      suggestedRating: 'good',
    });
  });

  it("gives 'again' for an empty answer, with every word missing", () => {
    const result = matchKeyPoints('   ', eventLoop, {});
    expect(result).toMatchObject({ coverage: 0, suggestedRating: 'again' });
    expect(result.points.every((p) => !p.covered && p.matched.length === 0)).toBe(true);
  });

  it("credits the card's synonyms in both directions, phrases included", () => {
    const keyPoints = ['the event loop is not blocked', 'a worker thread runs CPU heavy work'];
    const synonyms = { 'event loop': ['libuv loop', 'reactor'], 'worker thread': ['worker_threads'] };
    const forward = matchKeyPoints(
      'The reactor is not blocked; worker_threads run CPU heavy work.',
      keyPoints,
      synonyms,
    );
    expect(forward.points[0]).toMatchObject({ covered: true, matched: ['event', 'loop', 'not', 'blocked'] });
    expect(forward.points[1]).toMatchObject({ covered: true, missing: [] });
    // The key point may use the synonym while the answer uses the term.
    const backward = matchKeyPoints(
      'the event loop is not blocked',
      ['the reactor is not blocked'],
      synonyms,
    );
    expect(backward.points[0]).toMatchObject({ covered: true, matched: ['reactor', 'not', 'blocked'] });
    // Without the synonyms the same answers fall short.
    expect(matchKeyPoints('The reactor is not blocked', keyPoints, {}).points[0]!.covered).toBe(false);
  });

  it('matches singular and plural, past and -ing forms to one stem', () => {
    const result = matchKeyPoints('It caches queries and handled promises while running', [
      'cache the query',
      'handle promise rejections',
      'runs',
    ]);
    expect(result.points.map((p) => p.covered)).toEqual([true, true, true]);
    expect(['cache', 'caches', 'cached', 'caching'].map(stem)).toEqual(['cach', 'cach', 'cach', 'cach']);
    expect(['use', 'uses', 'used', 'using'].map(stem)).toEqual(['us', 'us', 'us', 'us']);
    expect(['string', 'thing', 'process', 'status', 'classes'].map(stem)).toEqual([
      'string',
      'thing',
      'process',
      'status',
      'class',
    ]);
  });

  it('normalises case, punctuation, code backticks, camelCase and dotted identifiers, dropping stop words', () => {
    expect(normaliseWords('The `process.nextTick()` of an HTTPServer, via setImmediate!')).toEqual([
      'process',
      'next',
      'tick',
      'http',
      'server',
      'via',
      'set',
      'immediat',
    ]);
  });

  it('matches a key point written as one lower-case word against a camelCase identifier', () => {
    const result = matchKeyPoints('use setImmediate', ['setimmediate yields'], {});
    expect(result.points[0]).toMatchObject({
      matched: ['setimmediate'],
      missing: ['yields'],
      covered: false,
    });
  });

  it('keeps negations as significant words', () => {
    const point = matchKeyPoints('it blocks the event loop', ['it does not block the event loop'], {})
      .points[0]!;
    expect(point).toMatchObject({ covered: true, missing: ['not'] });
  });

  it('gives the same answer every time', () => {
    const run = () => matchKeyPoints('nextTick callbacks run first', eventLoop, { timers: ['setTimeout'] });
    expect(run()).toEqual(run());
  });
});
