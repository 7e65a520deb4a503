import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, summaryTable } from '../../src/content/check.js';
import { TOPIC_IDS } from '../../src/core/content/model.js';
import { writeFixtureContent } from '../helpers/content-fixture.js';
import { testDatabaseKind } from '../helpers/databases.js';

const scratch = path.resolve('.cache', `test-content-${process.pid}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const options = (contentDir: string) => ({
  contentDir,
  scratchRoot: path.join(scratch, 'runs'),
  postgresUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  requireServices: Boolean(process.env.CI),
});

describe('nodeprep content check', () => {
  // The check needs no database of the app's; it runs once, in the embedded-mode suite.
  it.skipIf(testDatabaseKind === 'postgres')(
    'passes on the real curriculum, running every example, and counts what the issue asks for',
    {
      timeout: 300_000,
    },
    async () => {
      const result = await checkContent(options(path.resolve('content')));
      const errors = result.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.file}:${p.line}: ${p.message}`);
      expect(errors).toEqual([]);
      const { topics } = result.curriculum;
      expect(topics.map((t) => t.topic.data.id).sort()).toEqual([...TOPIC_IDS].sort());
      for (const t of topics) {
        expect(t.cards.length, t.topic.data.id).toBeGreaterThanOrEqual(15);
        expect(new Set(t.cards.map((c) => c.data.level)), t.topic.data.id).toEqual(
          new Set(['junior', 'mid', 'senior']),
        );
      }
      expect(topics.reduce((n, t) => n + t.cards.length, 0)).toBeGreaterThanOrEqual(300);
      expect(topics.reduce((n, t) => n + t.predict.length, 0)).toBeGreaterThanOrEqual(30);
      expect(result.executed!.ran).toBeGreaterThan(300);
      // Exercises and predict items ran where learners' code runs: the real sandbox wherever it exists.
      if (process.env.RUNNER_SANDBOX === 'strict') expect(result.executed!.sandbox).toBe('bubblewrap');
      expect(summaryTable(result.curriculum)).toMatch(/^total\s+\d+\s+3\d\d\s/m);
    },
  );

  it('fails on a deliberately broken copy, naming file, line and what is wrong', {
    timeout: 120_000,
  }, async () => {
    const dir = writeFixtureContent(path.join(scratch, 'broken'), { broken: true });
    const result = await checkContent(options(dir));
    const rel = (f: string) => path.relative(dir, path.resolve(f));
    const lines = result.problems.map((p) => `${rel(p.file)}:${p.line}: ${p.message}`);
    const has = (pattern: RegExp) =>
      expect(
        lines.some((l) => pattern.test(l)),
        `${pattern}\n${lines.join('\n')}`,
      ).toBe(true);

    has(/^topics\/node-core\/topic\.yaml:1: topic area "node-core" is missing$/);
    has(
      /^topics\/event-loop\/cards\.yaml:21: id "event-loop-tick-first" is already used at .*cards\.yaml:1$/,
    );
    has(/^topics\/event-loop\/cards\.yaml:33: the same question is asked at .*cards\.yaml:1$/);
    has(/^topics\/event-loop\/cards\.yaml:45: section "no-such-heading" is not a heading of .*guide\.md$/);
    has(/^topics\/event-loop\/cards\.yaml:57: card event-loop-no-key-points: keyPoints: /);
    has(/^topics\/event-loop\/cards\.yaml:60: card event-loop-no-key-points: level: /);
    has(
      /^topics\/event-loop\/cards\.yaml:63: card event-loop-hangs: example did not finish within 500 ms and was killed$/,
    );
    has(/^topics\/event-loop\/predict\.yaml:1: linked card "event-loop-missing-card" does not exist$/);
    has(
      /^topics\/event-loop\/predict\.yaml:15: predict item event-loop-predict-sync printed\n {4}\| now\n {4}\| later\n {2}but expected\n {4}\| later\n {4}\| now$/,
    );
    has(/^topics\/event-loop\/guide\.md:7: runnable block printed\n {4}\| tick\n {4}\| promise/);
    has(
      /^exercises\/add-numbers\/exercise\.yaml:1: exercise add-numbers the starter passes every test; it must fail at least one$/,
    );
    expect(result.errors).toBeGreaterThan(10);
  });

  it('passes on the same fixture without the mistakes (so each failure above is caused by its mistake)', {
    timeout: 120_000,
  }, async () => {
    const dir = writeFixtureContent(path.join(scratch, 'good'), { broken: false });
    const result = await checkContent(options(dir));
    const errors = result.problems.filter(
      (p) => p.severity === 'error' && !/topic area ".*" is missing/.test(p.message),
    );
    expect(errors).toEqual([]);
    expect(result.executed!.ran).toBe(5);
  });
});
