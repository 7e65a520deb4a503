import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table study_settings (
    user_id uuid primary key references users(id) on delete cascade,
    desired_retention double precision not null default 0.9,
    new_per_day integer not null default 20,
    reviews_per_day integer not null default 200,
    interview_date date,
    hours_per_week double precision,
    topics text[] not null default '{}',
    weights jsonb,
    updated_at timestamptz not null default now()
  )`.execute(db);
  // The review log is the truth: rows are only ever added (an undo stamps undone_at).
  await sql`create table reviews (
    id uuid primary key,
    user_id uuid not null references users(id) on delete cascade,
    card_id text not null references cards(id),
    rating text not null check (rating in ('again', 'hard', 'good', 'easy')),
    reviewed_at timestamptz not null,
    duration_ms integer,
    typed_answer text,
    was_new boolean not null,
    retrievability double precision,
    state_before text not null,
    schedule_after jsonb not null,
    scheduler jsonb not null,
    undone_at timestamptz
  )`.execute(db);
  await sql`create index reviews_user_card_idx on reviews (user_id, card_id, reviewed_at)`.execute(db);
  await sql`create index reviews_user_time_idx on reviews (user_id, reviewed_at)`.execute(db);
  // Derived from the log; rebuildable with `nodeprep study rebuild`.
  await sql`create table card_states (
    user_id uuid not null references users(id) on delete cascade,
    card_id text not null references cards(id),
    state text not null,
    due timestamptz not null,
    stability double precision not null,
    difficulty double precision not null,
    reps integer not null,
    lapses integer not null,
    learning_step integer not null,
    last_review timestamptz,
    scheduled_days integer not null,
    elapsed_days integer not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, card_id)
  )`.execute(db);
  await sql`create index card_states_due_idx on card_states (user_id, due)`.execute(db);
  await sql`create table card_notes (
    user_id uuid not null references users(id) on delete cascade,
    card_id text not null references cards(id),
    text text not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, card_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['card_notes', 'card_states', 'reviews', 'study_settings']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}
