import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { contentRepo } from '../server/modules/content/content.repo.js';
import { checkContent, readCheckStamp, writeCheckStamp } from './check.js';
import { contentHash, loadCurriculum, type Problem } from './load.js';
import { createRenderer } from './render.js';
import { type SyncReport, syncContent } from './sync.js';

export interface AutoSyncOptions {
  contentDir: string;
  /** Where the record of the last passing check lives. */
  stampFile: string;
  scratchRoot: string;
  postgresUrl: string;
  redisUrl: string;
  renderCacheFile: string;
  /**
   * Run every example first unless this exact content already passed (the CLI's sync). The
   * server's start-up sync only validates: content on main has passed the full check in CI.
   */
  runExamples: boolean;
  /** Sync even when the database already holds this content version. */
  force?: boolean;
}

export class ContentCheckFailed extends Error {
  override name = 'ContentCheckFailed';
}

export function defaultScratchRoot(): string {
  return path.join(process.cwd(), '.cache', `content-check-${process.pid}`);
}

/** Content with an error never reaches the database: stops the sync, naming every error. */
function refuseErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new ContentCheckFailed(
      `content check failed; nothing was synced:\n${errors.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
  }
}

/**
 * Syncs content into the database when it changed. Content that fails the check never reaches
 * the database: a curriculum whose exact hash has not passed the full check is checked first.
 */
export async function syncIfChanged(
  db: Kysely<DB>,
  options: AutoSyncOptions,
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>,
): Promise<SyncReport | undefined> {
  const repo = contentRepo(db);
  const latest = await repo.latestVersion();
  const hash = contentHash(options.contentDir);
  if (!options.force && latest?.hash === hash) return undefined;
  const loaded = loadCurriculum(options.contentDir, { hash });
  const { curriculum } = loaded;
  refuseErrors(loaded.problems);
  if (options.runExamples && readCheckStamp(options.stampFile)?.hash !== curriculum.hash) {
    log.info(
      `content changed: running every example on Node.js ${process.version} before syncing (${os.availableParallelism()} at a time)`,
    );
    let lastLogged = 0;
    const result = await checkContent({
      ...options,
      loaded,
      onProgress: (done, total) => {
        if (done === total || done - lastLogged >= Math.ceil(total / 5)) {
          lastLogged = done;
          log.info(`content check: ${done}/${total}`);
        }
      },
    });
    refuseErrors(result.problems);
    writeCheckStamp(options.stampFile, result);
  }
  const renderer = await createRenderer({ cacheFile: options.renderCacheFile });
  const report = await syncContent(repo, curriculum, renderer);
  renderer.flush();
  return report;
}
