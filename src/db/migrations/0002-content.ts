import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table content_versions (
    id serial primary key,
    hash text not null,
    synced_at timestamptz not null default now(),
    stats jsonb not null
  )`.execute(db);
  await sql`create table topics (
    id text primary key,
    title text not null,
    summary text not null,
    position integer not null,
    node_version text not null,
    guide_html text not null,
    toc jsonb not null,
    source_hash text not null,
    retired_at timestamptz,
    updated_at timestamptz not null default now()
  )`.execute(db);
  // array_to_string is only STABLE; a generated column needs an IMMUTABLE expression.
  await sql`create function nodeprep_words(text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string($1, ' ') $$`.execute(db);
  await sql`create table cards (
    id text primary key,
    topic_id text not null references topics(id),
    kind text not null check (kind in ('card', 'predict')),
    question text not null,
    answer_md text not null,
    answer_html text not null,
    key_points jsonb not null,
    synonyms jsonb not null default '{}',
    level text not null check (level in ('junior', 'mid', 'senior')),
    difficulty integer not null check (difficulty between 1 and 5),
    tags text[] not null,
    section text,
    example jsonb,
    example_html text,
    follow_up_html text,
    related text[] not null default '{}',
    code text,
    code_html text,
    module text,
    expected_outputs jsonb,
    search tsvector generated always as (
      setweight(to_tsvector('english', question), 'A') ||
      setweight(to_tsvector('english', nodeprep_words(tags)), 'B') ||
      setweight(to_tsvector('english', answer_md), 'C')
    ) stored,
    source_hash text not null,
    retired_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index cards_search_idx on cards using gin (search)`.execute(db);
  await sql`create index cards_topic_level_idx on cards (topic_id, level) where retired_at is null`.execute(
    db,
  );
  await sql`create index cards_tags_idx on cards using gin (tags)`.execute(db);
  await sql`create table exercises (
    id text primary key,
    topic_id text not null references topics(id),
    kind text not null check (kind in ('exercise', 'debugging')),
    title text not null,
    level text not null,
    difficulty integer not null,
    tags text[] not null,
    prompt_html text not null,
    starter text not null,
    tests text not null,
    solution text not null,
    cards text[] not null default '{}',
    timeout_ms integer not null,
    source_hash text not null,
    retired_at timestamptz,
    updated_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['exercises', 'cards', 'topics', 'content_versions']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
  await sql`drop function nodeprep_words(text[])`.execute(db);
}
