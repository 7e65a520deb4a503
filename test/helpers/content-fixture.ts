import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadCurriculum } from '../../src/content/load.js';
import { createRenderer } from '../../src/content/render.js';
import { syncContent } from '../../src/content/sync.js';
import type { DB } from '../../src/db/schema.js';
import { contentRepo } from '../../src/server/modules/content/content.repo.js';

/**
 * Writes a small curriculum into a folder inside the project (so its examples can import the
 * project's packages). `broken` adds one of each kind of mistake the check must catch.
 */
export function writeFixtureContent(root: string, options: { broken: boolean }): string {
  const dir = path.join(root, 'content');
  fs.rmSync(dir, { recursive: true, force: true });
  const topic = path.join(dir, 'topics', 'event-loop');
  fs.mkdirSync(topic, { recursive: true });
  fs.writeFileSync(
    path.join(topic, 'topic.yaml'),
    'id: event-loop\ntitle: The event loop\nsummary: How callbacks are scheduled.\norder: 1\nnodeVersion: v20.20.2\n',
  );
  fs.writeFileSync(
    path.join(topic, 'guide.md'),
    [
      '# The event loop',
      '',
      'Checked on Node.js v20.20.2.',
      '',
      '## Microtasks and process.nextTick',
      '',
      '```js run cjs',
      "Promise.resolve().then(() => console.log('promise'));",
      "process.nextTick(() => console.log('tick'));",
      '```',
      '',
      '```output',
      options.broken ? 'promise\ntick' : 'tick\npromise',
      '```',
      '',
      '## What interviewers probe',
      '',
      'Ordering.',
      '',
      '## Common mistakes',
      '',
      'Guessing.',
      '',
    ].join('\n'),
  );
  const card = (id: string, question: string, extra = '') =>
    [
      `- id: ${id}`,
      `  question: ${question}`,
      '  answer: |',
      '    Before promise callbacks.',
      '  keyPoints:',
      '    - nextTick first',
      '    - then promises',
      '    - then timers',
      '  level: junior',
      '  difficulty: 2',
      '  tags: [microtasks]',
      '  section: microtasks-and-process-nexttick',
      extra,
    ]
      .filter(Boolean)
      .join('\n');
  const cards = [
    card(
      'event-loop-tick-first',
      'Does nextTick run before promises?',
      [
        '  example:',
        '    module: cjs',
        '    code: |',
        "      Promise.resolve().then(() => console.log('promise'));",
        "      process.nextTick(() => console.log('tick'));",
        '    output: |',
        '      tick',
        '      promise',
      ].join('\n'),
    ),
  ];
  if (options.broken) {
    cards.push(
      // line numbers below are asserted by the tests
      card('event-loop-tick-first', 'A second card with the same id?'),
      card('event-loop-same-question', 'Does nextTick run before promises?'),
      card('event-loop-bad-section', 'Where is this section?').replace(
        'section: microtasks-and-process-nexttick',
        'section: no-such-heading',
      ),
      [
        '- id: event-loop-no-key-points',
        '  question: What is missing here?',
        '  answer: Nothing.',
        '  level: expert',
        '  difficulty: 2',
        '  tags: [microtasks]',
      ].join('\n'),
      card(
        'event-loop-hangs',
        'What does an interval without clearInterval do?',
        ['  example:', '    timeoutMs: 500', '    code: |', '      setInterval(() => {}, 1000);'].join('\n'),
      ),
    );
  }
  fs.writeFileSync(path.join(topic, 'cards.yaml'), `${cards.join('\n')}\n`);
  fs.writeFileSync(
    path.join(topic, 'predict.yaml'),
    [
      '- id: event-loop-predict-order',
      '  title: Timers against immediates',
      '  module: cjs',
      '  code: |',
      "    setTimeout(() => console.log('timeout'), 0);",
      "    setImmediate(() => console.log('immediate'));",
      '  outputs:',
      '    - "timeout\\nimmediate\\n"',
      '    - "immediate\\ntimeout\\n"',
      '  explanation: Either order.',
      '  level: mid',
      '  difficulty: 3',
      '  tags: [timers]',
      `  cards: [${options.broken ? 'event-loop-missing-card' : 'event-loop-tick-first'}]`,
      '- id: event-loop-predict-sync',
      '  title: Synchronous first',
      '  code: |',
      "    setTimeout(() => console.log('later'), 0);",
      "    console.log('now');",
      `  output: "${options.broken ? 'later\\nnow' : 'now\\nlater'}\\n"`,
      '  explanation: Synchronous code finishes before any timer.',
      '  level: junior',
      '  difficulty: 1',
      '  tags: [timers]',
      '',
    ].join('\n'),
  );
  const exercise = path.join(dir, 'exercises', 'add-numbers');
  fs.mkdirSync(exercise, { recursive: true });
  fs.writeFileSync(
    path.join(exercise, 'exercise.yaml'),
    'id: add-numbers\ntopic: event-loop\nkind: exercise\ntitle: Add two numbers\nlevel: junior\ndifficulty: 1\ntags: [warm-up]\nprompt: Export `add(a, b)`.\n',
  );
  fs.writeFileSync(path.join(exercise, 'solution.mjs'), 'export const add = (a, b) => a + b;\n');
  fs.writeFileSync(
    path.join(exercise, 'starter.mjs'),
    options.broken ? 'export const add = (a, b) => a + b;\n' : 'export const add = () => 0;\n',
  );
  fs.writeFileSync(
    path.join(exercise, 'tests.mjs'),
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './submission.mjs';\ntest('adds', () => assert.equal(add(2, 3), 5));\n",
  );
  return dir;
}

/** Loads the real curriculum into a test database, renders cached by the build. */
export async function syncRealCurriculum(db: Kysely<DB>): Promise<void> {
  const renderer = await createRenderer({ cacheFile: path.resolve('.cache', 'render-cache.json') });
  await syncContent(contentRepo(db), loadCurriculum(path.resolve('content')).curriculum, renderer);
  renderer.flush();
}
