import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Predict items that talk to PostgreSQL or Redis cannot run in the sandbox (it has no network).
  await sql`alter table cards add column needs text[] not null default '{}'`.execute(db);
  // The next content sync rewrites predict items, filling `needs` from their files.
  await sql`update cards set source_hash = '' where kind = 'predict'`.execute(db);
  await sql`alter table exercises add column native_addons boolean not null default false`.execute(db);
  await sql`alter table exercises add column search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', nodeprep_words(tags)), 'B')
  ) stored`.execute(db);
  // A learner's graded attempts at an exercise, kept with their code and per-test results.
  await sql`create table submissions (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    exercise_id text not null references exercises(id),
    language text not null check (language in ('javascript', 'typescript')),
    code text not null,
    status text not null,
    passed integer not null,
    total integer not null,
    result jsonb not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index submissions_user_exercise_idx on submissions (user_id, exercise_id, created_at desc)`.execute(
    db,
  );
  // A failed exercise or a wrong prediction brings linked cards forward. Kept apart from the
  // review log (these are not ratings) so a rebuild can apply them again.
  await sql`create table card_nudges (
    id bigserial primary key,
    user_id uuid not null references users(id) on delete cascade,
    card_id text not null references cards(id),
    due_by timestamptz not null,
    reason text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index card_nudges_user_card_idx on card_nudges (user_id, card_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table card_nudges`.execute(db);
  await sql`drop table submissions`.execute(db);
  await sql`alter table exercises drop column search`.execute(db);
  await sql`alter table exercises drop column native_addons`.execute(db);
  await sql`alter table cards drop column needs`.execute(db);
}
