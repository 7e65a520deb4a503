import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Row types of every table; migrations in ./migrations are the source of truth. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
  revoked_at: Date | null;
  user_agent: string | null;
}

export interface ContentVersionsTable {
  id: Generated<number>;
  hash: string;
  synced_at: Timestamp;
  stats: ColumnType<Record<string, unknown>, string, string>;
}

export interface TopicsTable {
  id: string;
  title: string;
  summary: string;
  position: number;
  node_version: string;
  guide_html: string;
  toc: ColumnType<{ id: string; text: string; depth: number }[], string, string>;
  source_hash: string;
  retired_at: Date | null;
  updated_at: Timestamp;
}

type Json<T> = ColumnType<T, string, string>;

export interface CardsTable {
  id: string;
  topic_id: string;
  kind: 'card' | 'predict';
  question: string;
  answer_md: string;
  answer_html: string;
  key_points: Json<string[]>;
  synonyms: Json<Record<string, string[]>>;
  level: 'junior' | 'mid' | 'senior';
  difficulty: number;
  tags: string[];
  section: string | null;
  example: Json<{ code: string; module: string; output?: string; outputs?: string[] } | null>;
  example_html: string | null;
  follow_up_html: string | null;
  related: string[];
  code: string | null;
  code_html: string | null;
  module: string | null;
  expected_outputs: Json<string[] | null>;
  needs: ColumnType<string[], string[] | undefined, string[]>;
  search: ColumnType<string, never, never>;
  source_hash: string;
  retired_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExercisesTable {
  id: string;
  topic_id: string;
  kind: 'exercise' | 'debugging';
  title: string;
  level: string;
  difficulty: number;
  tags: string[];
  prompt_html: string;
  starter: string;
  tests: string;
  solution: string;
  cards: string[];
  timeout_ms: number;
  native_addons: ColumnType<boolean, boolean | undefined, boolean>;
  search: ColumnType<string, never, never>;
  source_hash: string;
  retired_at: Date | null;
  updated_at: Timestamp;
}

export interface StudySettingsTable {
  user_id: string;
  desired_retention: ColumnType<number, number | undefined, number>;
  new_per_day: ColumnType<number, number | undefined, number>;
  reviews_per_day: ColumnType<number, number | undefined, number>;
  interview_date: ColumnType<string | null, string | null | undefined, string | null>;
  hours_per_week: number | null;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  weights: ColumnType<number[] | null, string | null | undefined, string | null>;
  time_zone: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  user_id: string;
  card_id: string;
  rating: 'again' | 'hard' | 'good' | 'easy';
  reviewed_at: Timestamp;
  duration_ms: number | null;
  typed_answer: string | null;
  was_new: boolean;
  retrievability: number | null;
  state_before: string;
  schedule_after: ColumnType<Record<string, unknown>, string, string>;
  /** The scheduler settings in force for this review, so a rebuild reproduces it exactly. */
  scheduler: ColumnType<Record<string, unknown>, string, string>;
  undone_at: Date | null;
}

export interface CardStatesTable {
  user_id: string;
  card_id: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  due: Timestamp;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learning_step: number;
  last_review: Date | null;
  scheduled_days: number;
  elapsed_days: number;
  updated_at: Timestamp;
}

export interface CardNotesTable {
  user_id: string;
  card_id: string;
  text: string;
  updated_at: Timestamp;
}

export interface FsrsOptimizationsTable {
  id: Generated<string>;
  user_id: string;
  trigger: 'auto' | 'manual' | 'cli';
  /** For automatic runs, the review count whose crossing started it (400, 600, …). */
  milestone: number | null;
  status: 'queued' | 'running' | 'done' | 'failed' | 'skipped';
  review_count: number;
  item_count: number | null;
  log_loss_before: number | null;
  log_loss_after: number | null;
  rmse_before: number | null;
  rmse_after: number | null;
  adopted: ColumnType<boolean, boolean | undefined, boolean>;
  /** The fitted parameters, adopted or not. */
  parameters: ColumnType<number[] | null, string | null | undefined, string | null>;
  /** The parameters in force when the run started (null: the defaults). */
  baseline_parameters: ColumnType<number[] | null, string | null | undefined, string | null>;
  reason: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface SubmissionsTable {
  id: Generated<string>;
  user_id: string;
  exercise_id: string;
  language: 'javascript' | 'typescript';
  code: string;
  status: string;
  passed: number;
  total: number;
  result: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

export interface CardNudgesTable {
  id: Generated<string>;
  user_id: string;
  card_id: string;
  due_by: Timestamp;
  reason: string;
  created_at: Timestamp;
}

export interface DB {
  submissions: SubmissionsTable;
  card_nudges: CardNudgesTable;
  study_settings: StudySettingsTable;
  reviews: ReviewsTable;
  card_states: CardStatesTable;
  card_notes: CardNotesTable;
  fsrs_optimizations: FsrsOptimizationsTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  content_versions: ContentVersionsTable;
  topics: TopicsTable;
  cards: CardsTable;
  exercises: ExercisesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
