// Benchmark: loading, rendering and syncing the curriculum.
import os from 'node:os';
import path from 'node:path';
import { loadCurriculum } from '../src/content/load.js';
import { createRenderer } from '../src/content/render.js';
import { syncContent } from '../src/content/sync.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { contentRepo } from '../src/server/modules/content/content.repo.js';

const t0 = performance.now();
const { curriculum } = loadCurriculum(path.resolve('content'));
const tLoad = performance.now() - t0;
const t1 = performance.now();
const renderer = await createRenderer({ cacheFile: path.resolve('.cache', 'render-cache.json') });
const tHighlighter = performance.now() - t1;
const database = await openDatabase({ kind: 'embedded', dir: 'memory://' });
await migrateToLatest(database.db);
const repo = contentRepo(database.db);
const first = await syncContent(repo, curriculum, renderer);
const second = await syncContent(repo, curriculum, renderer);
await database.close();
const items = first.inserted;
console.log(`load+validate ${tLoad.toFixed(0)} ms; highlighter ${tHighlighter.toFixed(0)} ms`);
console.log(
  `first sync (${items} items) ${first.ms.toFixed(0)} ms; second sync ${second.ms.toFixed(0)} ms (changed: ${second.changed})`,
);
console.log(
  JSON.stringify({
    bench: 'content',
    cpus: os.cpus().length,
    items,
    loadMs: tLoad,
    firstSyncMs: first.ms,
    secondSyncMs: second.ms,
  }),
);
