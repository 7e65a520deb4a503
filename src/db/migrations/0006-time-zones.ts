import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The learner's time zone (an IANA name): their days, for daily limits, streaks and charts,
  // run from local midnight. Everyone so far has counted in UTC, so that stays their default.
  await sql`alter table study_settings add column time_zone text not null default 'UTC'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table study_settings drop column time_zone`.execute(db);
}
