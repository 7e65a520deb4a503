import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type CardFile,
  cardSchema,
  type ExerciseFile,
  exerciseSchema,
  labTaskSchema,
  normaliseQuestion,
  type PredictFile,
  predictSchema,
  slugify,
  stagesSchema,
  TOPIC_IDS,
  type TopicFile,
  topicSchema,
} from '../core/content/model.js';

export interface Problem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface Located<T> {
  data: T;
  file: string;
  line: number;
}

export interface GuideSection {
  anchor: string;
  title: string;
  depth: number;
  line: number;
}

export interface RunBlock {
  line: number;
  code: string;
  module: 'esm' | 'cjs';
  output: string | undefined;
}

export interface LoadedGuide {
  file: string;
  markdown: string;
  title: string;
  words: number;
  sections: GuideSection[];
  runBlocks: RunBlock[];
}

export interface LoadedTopic {
  topic: Located<TopicFile>;
  guide: LoadedGuide | undefined;
  cards: Located<CardFile>[];
  predict: Located<PredictFile>[];
}

export interface LoadedExercise {
  exercise: Located<ExerciseFile>;
  dir: string;
  starter: string;
  solution: string;
  tests: string;
}

export interface Curriculum {
  dir: string;
  topics: LoadedTopic[];
  exercises: LoadedExercise[];
  labTasks: { sql: number; mongo: number };
  stages: number;
  /** SHA-256 over every content file: the content version. */
  hash: string;
}

const rel = (root: string, file: string) => path.relative(process.cwd(), path.join(root, file)) || file;

/** Parses a YAML file, keeping positions so problems can name their line. */
function readYaml(file: string, problems: Problem[]) {
  const source = fs.readFileSync(file, 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    problems.push({
      file,
      line: counter.linePos(err.pos[0]).line,
      message: err.message.split('\n')[0]!,
      severity: 'error',
    });
  }
  const lineOf = (p: (string | number)[]): number => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { doc: doc as Document, data: doc.errors.length ? undefined : (doc.toJS() as unknown), lineOf };
}

function report<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  base: (string | number)[],
  lineOf: (p: (string | number)[]) => number,
  problems: Problem[],
  label: string,
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = [...base, ...(issue.path as (string | number)[])];
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    problems.push({
      file,
      line: lineOf(at),
      message: `${label}: ${field}${issue.message}`,
      severity: 'error',
    });
  }
  return undefined;
}

/** Reads a guide: its title, `##` sections and runnable blocks. */
export function parseGuide(file: string, markdown: string): LoadedGuide {
  const lines = markdown.split('\n');
  const sections: GuideSection[] = [];
  const blocks: { info: string; code: string; line: number; endLine: number }[] = [];
  let title = '';
  let fence: { info: string; start: number; body: string[]; marker: string } | undefined;
  lines.forEach((line, i) => {
    const fenceMatch = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence.marker) && fenceMatch[2]!.trim() === '') {
        blocks.push({ info: fence.info, code: fence.body.join('\n'), line: fence.start, endLine: i + 1 });
        fence = undefined;
      } else fence.body.push(line);
      return;
    }
    if (fenceMatch) {
      fence = { info: fenceMatch[2]!.trim(), start: i + 1, body: [], marker: fenceMatch[1]! };
      return;
    }
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      if (depth === 1 && !title) title = heading[2]!;
      if (depth >= 2) sections.push({ anchor: slugify(heading[2]!), title: heading[2]!, depth, line: i + 1 });
    }
  });
  const runBlocks: RunBlock[] = [];
  blocks.forEach((b, i) => {
    const words = b.info.split(/\s+/);
    if (!['js', 'javascript'].includes(words[0] ?? '') || words[1] !== 'run') return;
    const next = blocks[i + 1];
    const between = next
      ? lines
          .slice(b.endLine, next.line - 1)
          .join('')
          .trim()
      : 'x';
    const output = next && next.info === 'output' && between === '' ? `${next.code}\n` : undefined;
    runBlocks.push({ line: b.line, code: b.code, module: words[2] === 'cjs' ? 'cjs' : 'esm', output });
  });
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ');
  return { file, markdown, title, words: prose.split(/\s+/).filter(Boolean).length, sections, runBlocks };
}

/** SHA-256 over every file of the content folder: cheap, so start-up can skip parsing unchanged content. */
export function contentHash(dir: string): string {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const f of files) {
    hash.update(path.relative(dir, f));
    hash.update('\0');
    hash.update(fs.readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Loads and validates the whole curriculum. Problems carry file and line. */
/** Reads and validates the curriculum; `hash` is the folder's content hash when the caller has it already. */
export function loadCurriculum(
  dir: string,
  options: { hash?: string } = {},
): { curriculum: Curriculum; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (file: string, line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  const warn = (file: string, line: number, message: string) =>
    problems.push({ file, line, message, severity: 'warning' });
  const topics: LoadedTopic[] = [];
  const topicsDir = path.join(dir, 'topics');

  for (const topicId of TOPIC_IDS) {
    const tdir = path.join(topicsDir, topicId);
    const topicFile = rel(tdir, 'topic.yaml');
    if (!fs.existsSync(path.join(tdir, 'topic.yaml'))) {
      err(topicFile, 1, `topic area "${topicId}" is missing`);
      continue;
    }
    const y = readYaml(topicFile, problems);
    const topic = report(topicSchema, y.data, topicFile, [], y.lineOf, problems, 'topic');
    if (!topic) continue;
    if (topic.id !== topicId)
      err(topicFile, y.lineOf(['id']), `id "${topic.id}" does not match its folder "${topicId}"`);

    let guide: LoadedGuide | undefined;
    const guideFile = rel(tdir, 'guide.md');
    if (fs.existsSync(guideFile)) {
      guide = parseGuide(guideFile, fs.readFileSync(guideFile, 'utf8'));
      if (!guide.title) err(guideFile, 1, 'the guide needs a "# Title" line');
      for (const needed of ['what-interviewers-probe', 'common-mistakes']) {
        if (!guide.sections.some((s) => s.anchor === needed))
          err(guideFile, 1, `missing the "## ${needed.replaceAll('-', ' ')}" section`);
      }
      if (!guide.markdown.includes(topic.nodeVersion)) {
        err(guideFile, 1, `the guide must say it was checked on Node.js ${topic.nodeVersion}`);
      }
      if (guide.words < 1500 || guide.words > 3000)
        warn(guideFile, 1, `the guide has ${guide.words} words (aim for 1,500-3,000)`);
      const seen = new Map<string, number>();
      for (const s of guide.sections) {
        if (seen.has(s.anchor))
          err(guideFile, s.line, `section anchor "${s.anchor}" repeats line ${seen.get(s.anchor)}`);
        seen.set(s.anchor, s.line);
      }
    } else err(guideFile, 1, 'guide.md is missing');

    const loaded: LoadedTopic = {
      topic: { data: topic, file: topicFile, line: 1 },
      guide,
      cards: [],
      predict: [],
    };
    for (const [name, schema, into] of [
      ['cards.yaml', cardSchema, loaded.cards],
      ['predict.yaml', predictSchema, loaded.predict],
    ] as const) {
      const file = rel(tdir, name);
      if (!fs.existsSync(file)) {
        if (name === 'cards.yaml') err(file, 1, 'cards.yaml is missing');
        continue;
      }
      const yy = readYaml(file, problems);
      if (yy.data === undefined) continue;
      if (!Array.isArray(yy.data)) {
        err(file, 1, 'the file must hold a YAML list');
        continue;
      }
      yy.data.forEach((item: unknown, i: number) => {
        const label = `${name === 'cards.yaml' ? 'card' : 'predict item'} ${(item as { id?: string })?.id ?? `#${i + 1}`}`;
        const parsed = report(schema as z.ZodType<unknown>, item, file, [i], yy.lineOf, problems, label);
        if (parsed) (into as Located<unknown>[]).push({ data: parsed, file, line: yy.lineOf([i]) });
      });
    }
    topics.push(loaded);
  }

  const exercises: LoadedExercise[] = [];
  const exDir = path.join(dir, 'exercises');
  if (fs.existsSync(exDir)) {
    for (const name of fs.readdirSync(exDir).sort()) {
      const edir = path.join(exDir, name);
      if (!fs.statSync(edir).isDirectory()) continue;
      const file = rel(edir, 'exercise.yaml');
      if (!fs.existsSync(file)) {
        err(file, 1, 'exercise.yaml is missing');
        continue;
      }
      const y = readYaml(file, problems);
      const ex = report(exerciseSchema, y.data, file, [], y.lineOf, problems, `exercise ${name}`);
      if (!ex) continue;
      if (ex.id !== name) err(file, y.lineOf(['id']), `id "${ex.id}" does not match its folder "${name}"`);
      const parts: Record<string, string> = {};
      for (const part of ['starter.mjs', 'solution.mjs', 'tests.mjs']) {
        const p = path.join(edir, part);
        if (fs.existsSync(p)) parts[part] = fs.readFileSync(p, 'utf8');
        else err(rel(edir, part), 1, `${part} is missing`);
      }
      if (Object.keys(parts).length === 3) {
        exercises.push({
          exercise: { data: ex, file, line: 1 },
          dir: edir,
          starter: parts['starter.mjs']!,
          solution: parts['solution.mjs']!,
          tests: parts['tests.mjs']!,
        });
      }
    }
  }

  const labTasks = { sql: 0, mongo: 0 };
  for (const kind of ['sql', 'mongo'] as const) {
    const file = rel(dir, `labs/${kind}.yaml`);
    if (!fs.existsSync(file)) continue;
    const y = readYaml(file, problems);
    if (!Array.isArray(y.data)) {
      if (y.data !== undefined) err(file, 1, 'the file must hold a YAML list');
      continue;
    }
    y.data.forEach((task: unknown, i: number) => {
      if (report(labTaskSchema, task, file, [i], y.lineOf, problems, `lab task #${i + 1}`)) labTasks[kind]++;
    });
  }
  let stages = 0;
  const stagesFile = rel(dir, 'interviews/stages.yaml');
  if (fs.existsSync(stagesFile)) {
    const y = readYaml(stagesFile, problems);
    stages =
      report(stagesSchema, y.data, stagesFile, [], y.lineOf, problems, 'interviews')?.stages.length ?? 0;
  }

  checkReferences(topics, exercises, problems);
  return {
    curriculum: { dir, topics, exercises, labTasks, stages, hash: options.hash ?? contentHash(dir) },
    problems,
  };
}

/** Ids unique across the curriculum, no repeated questions, and every link points somewhere. */
function checkReferences(topics: LoadedTopic[], exercises: LoadedExercise[], problems: Problem[]): void {
  const err = (file: string, line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  const ids = new Map<string, string>();
  const claim = (id: string, file: string, line: number) => {
    const prior = ids.get(id);
    if (prior) err(file, line, `id "${id}" is already used at ${prior}`);
    else ids.set(id, `${file}:${line}`);
  };
  const cardIds = new Set<string>();
  const questions = new Map<string, string>();
  for (const t of topics) {
    const topicId = t.topic.data.id;
    const anchors = new Set(t.guide?.sections.map((s) => s.anchor));
    for (const item of [...t.cards, ...t.predict]) {
      claim(item.data.id, item.file, item.line);
      cardIds.add(item.data.id);
      if (!item.data.id.startsWith(`${topicId}-`))
        err(item.file, item.line, `id "${item.data.id}" must start with "${topicId}-"`);
      if (item.data.section && t.guide && !anchors.has(item.data.section)) {
        err(item.file, item.line, `section "${item.data.section}" is not a heading of ${t.guide.file}`);
      }
    }
    for (const c of t.cards) {
      const key = normaliseQuestion(c.data.question);
      const prior = questions.get(key);
      if (prior) err(c.file, c.line, `the same question is asked at ${prior}`);
      else questions.set(key, `${c.file}:${c.line}`);
    }
  }
  for (const e of exercises) claim(e.exercise.data.id, e.exercise.file, 1);
  const checkLinks = (list: string[] | undefined, file: string, line: number, what: string) => {
    for (const id of list ?? []) if (!cardIds.has(id)) err(file, line, `${what} "${id}" does not exist`);
  };
  for (const t of topics) {
    for (const c of t.cards) checkLinks(c.data.related, c.file, c.line, 'related card');
    for (const p of t.predict) checkLinks(p.data.cards, p.file, p.line, 'linked card');
  }
  for (const e of exercises) checkLinks(e.exercise.data.cards, e.exercise.file, 1, 'linked card');
}
