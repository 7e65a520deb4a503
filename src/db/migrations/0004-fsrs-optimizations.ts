import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per attempt to fit a learner's own FSRS parameters, kept whatever the outcome.
  await sql`create table fsrs_optimizations (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    trigger text not null check (trigger in ('auto', 'manual', 'cli')),
    milestone integer,
    status text not null check (status in ('queued', 'running', 'done', 'failed', 'skipped')),
    review_count integer not null,
    item_count integer,
    log_loss_before double precision,
    log_loss_after double precision,
    rmse_before double precision,
    rmse_after double precision,
    adopted boolean not null default false,
    parameters jsonb,
    baseline_parameters jsonb,
    reason text,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz
  )`.execute(db);
  await sql`create index fsrs_optimizations_user_idx on fsrs_optimizations (user_id, created_at)`.execute(db);
  // At most one automatic run per threshold crossed, and one unfinished run per learner at a time.
  await sql`create unique index fsrs_optimizations_milestone_idx on fsrs_optimizations (user_id, milestone)`.execute(
    db,
  );
  await sql`create unique index fsrs_optimizations_active_idx on fsrs_optimizations (user_id)
    where status in ('queued', 'running')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table fsrs_optimizations`.execute(db);
}
