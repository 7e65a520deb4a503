import fs from 'node:fs';
import path from 'node:path';
import { LEVELS, TOPIC_IDS } from '../core/content/model.js';
import { executeCurriculum, probeServices } from './execute.js';
import { type Curriculum, loadCurriculum, type Problem } from './load.js';

export interface CheckOptions {
  contentDir: string;
  /** Where scratch folders go; must sit inside the project so examples can import its packages. */
  scratchRoot: string;
  /** Skip running examples (validation only). */
  execute?: boolean;
  /** Fail when an example needs a service that is not reachable. */
  requireServices?: boolean;
  postgresUrl: string;
  redisUrl: string;
  onProgress?: (done: number, total: number, label: string) => void;
  /** The curriculum as the caller already loaded it from `contentDir`. */
  loaded?: { curriculum: Curriculum; problems: Problem[] };
}

export interface CheckResult {
  curriculum: Curriculum;
  problems: Problem[];
  errors: number;
  warnings: number;
  executed: { ran: number; skipped: number; ms: number; sandbox: 'bubblewrap' | 'weak' } | undefined;
  ms: number;
}

/** Validates the curriculum and (by default) runs every example on the real Node.js. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const { curriculum, problems: found } = options.loaded ?? loadCurriculum(options.contentDir);
  const problems = [...found];
  let executed: CheckResult['executed'];
  if (options.execute !== false) {
    const services = await probeServices(options.postgresUrl, options.redisUrl);
    const report = await executeCurriculum(curriculum, services, {
      scratchRoot: options.scratchRoot,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    for (const p of report.problems) {
      problems.push(options.requireServices && p.severity === 'warning' ? { ...p, severity: 'error' } : p);
    }
    executed = { ran: report.ran, skipped: report.skipped, ms: report.ms, sandbox: report.sandbox };
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    curriculum,
    problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    executed,
    ms: performance.now() - started,
  };
}

/** The summary table: items per area, per kind and per level. */
export function summaryTable(c: Curriculum): string {
  const header = ['area', 'guide words', 'cards', ...LEVELS, 'predict', 'exercises', 'examples'];
  const rows: string[][] = [];
  const totals = new Array(header.length - 1).fill(0) as number[];
  for (const id of TOPIC_IDS) {
    const t = c.topics.find((x) => x.topic.data.id === id);
    const exercises = c.exercises.filter((e) => e.exercise.data.topic === id).length;
    const cards = t?.cards ?? [];
    const values = [
      t?.guide?.words ?? 0,
      cards.length,
      ...LEVELS.map((l) => cards.filter((x) => x.data.level === l).length),
      t?.predict.length ?? 0,
      exercises,
      cards.filter((x) => x.data.example).length + (t?.guide?.runBlocks.length ?? 0),
    ];
    values.forEach((v, i) => {
      totals[i]! += v;
    });
    rows.push([id, ...values.map(String)]);
  }
  rows.push(['total', ...totals.map(String)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const extra = `SQL lab tasks: ${c.labTasks.sql}   MongoDB lab tasks: ${c.labTasks.mongo}   interview stages: ${c.stages}`;
  return [line(header), rule, ...rows.slice(0, -1).map(line), rule, line(rows.at(-1)!), '', extra].join('\n');
}

/** A record that the curriculum with this hash passed the full check (lets sync skip re-running). */
export function writeCheckStamp(file: string, result: CheckResult): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ hash: result.curriculum.hash, checkedAt: new Date().toISOString(), skipped: result.executed?.skipped ?? 0 })}\n`,
  );
}

export function readCheckStamp(file: string): { hash: string } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { hash: string };
  } catch {
    return undefined;
  }
}
