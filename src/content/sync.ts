import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { CardsTable, ExercisesTable, TopicsTable } from '../db/schema.js';
import type { ContentRepo } from '../server/modules/content/content.repo.js';
import type { Curriculum, LoadedTopic } from './load.js';
import type { Renderer } from './render.js';

export interface SyncReport {
  versionId: number;
  changed: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  retired: number;
  ms: number;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Drops the guide's leading `# Title` line: the page shows the title itself. */
const withoutTitle = (markdown: string) => markdown.replace(/^\s*# .*\n/, '');

function topicRow(t: LoadedTopic, r: Renderer, sourceHash: string): Insertable<TopicsTable> {
  const rendered = r.markdown(withoutTitle(t.guide?.markdown ?? ''));
  return {
    id: t.topic.data.id,
    title: t.topic.data.title,
    summary: t.topic.data.summary,
    position: t.topic.data.order,
    node_version: t.topic.data.nodeVersion,
    guide_html: rendered.html,
    toc: JSON.stringify(rendered.toc.filter((e) => e.depth === 2)),
    source_hash: sourceHash,
    retired_at: null,
    updated_at: new Date(),
  };
}

type CardRow = Insertable<CardsTable>;

function cardRows(t: LoadedTopic, r: Renderer): { row: () => CardRow; id: string; hash: string }[] {
  const topicId = t.topic.data.id;
  const cards = t.cards.map(({ data: c }) => {
    const hash = hashOf(['card', c]);
    return {
      id: c.id,
      hash,
      row: (): CardRow => ({
        id: c.id,
        topic_id: topicId,
        kind: 'card',
        question: c.question,
        answer_md: c.answer,
        answer_html: r.markdown(c.answer).html,
        key_points: JSON.stringify(c.keyPoints),
        synonyms: JSON.stringify(c.synonyms ?? {}),
        level: c.level,
        difficulty: c.difficulty,
        tags: c.tags,
        section: c.section ?? null,
        example: JSON.stringify(
          c.example
            ? {
                code: c.example.code,
                module: c.example.module,
                output: c.example.output,
                outputs: c.example.outputs,
              }
            : null,
        ),
        example_html: c.example ? r.code(c.example.code, 'javascript') : null,
        follow_up_html: c.followUp ? r.markdown(c.followUp).html : null,
        related: c.related ?? [],
        code: null,
        code_html: null,
        module: null,
        expected_outputs: JSON.stringify(null),
        source_hash: hash,
        retired_at: null,
        updated_at: new Date(),
      }),
    };
  });
  const predict = t.predict.map(({ data: p }) => {
    const hash = hashOf(['predict', p]);
    return {
      id: p.id,
      hash,
      row: (): CardRow => ({
        id: p.id,
        topic_id: topicId,
        kind: 'predict',
        question: p.title,
        answer_md: p.explanation,
        answer_html: r.markdown(p.explanation).html,
        key_points: JSON.stringify([]),
        synonyms: JSON.stringify({}),
        level: p.level,
        difficulty: p.difficulty,
        tags: p.tags,
        section: p.section ?? null,
        example: JSON.stringify(null),
        example_html: null,
        follow_up_html: null,
        related: p.cards ?? [],
        code: p.code,
        code_html: r.code(p.code, 'javascript'),
        module: p.module,
        expected_outputs: JSON.stringify(p.outputs ?? [p.output]),
        needs: p.needs,
        source_hash: hash,
        retired_at: null,
        updated_at: new Date(),
      }),
    };
  });
  return [...cards, ...predict];
}

/** Renders every guide, answer and snippet (fills the renderer's cache; used by the build). */
export function renderCurriculum(curriculum: Curriculum, renderer: Renderer): number {
  let n = 0;
  for (const t of curriculum.topics) {
    topicRow(t, renderer, '');
    for (const c of cardRows(t, renderer)) {
      c.row();
      n++;
    }
  }
  for (const e of curriculum.exercises) renderer.markdown(e.exercise.data.prompt);
  renderer.flush();
  return n + curriculum.topics.length + curriculum.exercises.length;
}

/**
 * Upserts the curriculum by stable id in one transaction, renders only what changed, retires
 * what was removed (history stays), and records a content version when anything changed.
 * Running it twice changes nothing the second time.
 */
export async function syncContent(
  repo: ContentRepo,
  curriculum: Curriculum,
  renderer: Renderer,
): Promise<SyncReport> {
  const started = performance.now();
  return repo.transaction(async (tx) => {
    const existing = await tx.sourceHashes();
    const report = { inserted: 0, updated: 0, unchanged: 0, retired: 0 };
    const note = (table: 'topics' | 'cards' | 'exercises', id: string, hash: string) => {
      const prior = existing[table].get(id);
      if (!prior) report.inserted++;
      else if (prior.hash !== hash || prior.retired) report.updated++;
      else {
        report.unchanged++;
        return false;
      }
      return true;
    };

    const topics: Insertable<TopicsTable>[] = [];
    const cards: CardRow[] = [];
    const seen = { topics: new Set<string>(), cards: new Set<string>(), exercises: new Set<string>() };
    for (const t of curriculum.topics) {
      const topicHash = hashOf(['topic', t.topic.data, t.guide?.markdown]);
      seen.topics.add(t.topic.data.id);
      if (note('topics', t.topic.data.id, topicHash)) topics.push(topicRow(t, renderer, topicHash));
      for (const c of cardRows(t, renderer)) {
        seen.cards.add(c.id);
        if (note('cards', c.id, c.hash)) cards.push(c.row());
      }
    }
    const exercises: Insertable<ExercisesTable>[] = [];
    for (const e of curriculum.exercises) {
      const x = e.exercise.data;
      const hash = hashOf(['exercise', x, e.starter, e.tests, e.solution]);
      seen.exercises.add(x.id);
      if (!note('exercises', x.id, hash)) continue;
      exercises.push({
        id: x.id,
        topic_id: x.topic,
        kind: x.kind,
        title: x.title,
        level: x.level,
        difficulty: x.difficulty,
        tags: x.tags,
        prompt_html: renderer.markdown(x.prompt).html,
        starter: e.starter,
        tests: e.tests,
        solution: e.solution,
        cards: x.cards ?? [],
        timeout_ms: x.timeoutMs,
        native_addons: x.nativeAddons,
        source_hash: hash,
        retired_at: null,
        updated_at: new Date(),
      });
    }
    await tx.upsert('topics', topics);
    await tx.upsert('cards', cards);
    await tx.upsert('exercises', exercises);
    for (const table of ['cards', 'exercises', 'topics'] as const) {
      const gone = [...existing[table].entries()]
        .filter(([id, v]) => !v.retired && !seen[table].has(id))
        .map(([id]) => id);
      report.retired += gone.length;
      await tx.retire(table, gone);
    }
    const latest = await tx.latestVersion();
    const changed = report.inserted + report.updated + report.retired > 0 || latest?.hash !== curriculum.hash;
    const versionId = changed
      ? await tx.recordVersion(curriculum.hash, {
          topics: seen.topics.size,
          cards: seen.cards.size,
          exercises: seen.exercises.size,
          ...report,
        })
      : latest!.id;
    return { versionId, changed, ...report, ms: performance.now() - started };
  });
}
