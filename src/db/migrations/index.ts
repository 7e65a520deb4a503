import type { Migration } from 'kysely';
import * as m0001 from './0001-accounts.js';
import * as m0002 from './0002-content.js';
import * as m0003 from './0003-study.js';
import * as m0004 from './0004-fsrs-optimizations.js';
import * as m0005 from './0005-practice.js';
import * as m0006 from './0006-time-zones.js';

/** Every migration, in order. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001-accounts': m0001,
  '0002-content': m0002,
  '0003-study': m0003,
  '0004-fsrs-optimizations': m0004,
  '0005-practice': m0005,
  '0006-time-zones': m0006,
};
