export class JobQueue {
  #handler;
  #maxAttempts;
  #backoffMs;
  #now;
  #seq = 0;
  /** Waiting jobs: { id, seq, payload, attempts, dueAt }. */
  #jobs = [];
  #dead = [];

  constructor({ handler, maxAttempts = 3, backoffMs = () => 0, now = Date.now }) {
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    this.#handler = handler;
    this.#maxAttempts = maxAttempts;
    this.#backoffMs = backoffMs;
    this.#now = now;
  }

  enqueue(payload) {
    const seq = ++this.#seq;
    const id = `job-${seq}`;
    this.#jobs.push({ id, seq, payload, attempts: 0, dueAt: this.#now() });
    return id;
  }

  get size() {
    return this.#jobs.length;
  }

  get deadLetters() {
    return this.#dead.map(({ id, payload, attempts, error }) => ({ id, payload, attempts, error }));
  }

  async runOnce() {
    const startedAt = this.#now();
    const due = this.#jobs
      .filter((job) => job.dueAt <= startedAt)
      .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    const counts = { succeeded: 0, retried: 0, deadLettered: 0 };
    for (const job of due) {
      try {
        await this.#handler(job.payload, { id: job.id, attempt: job.attempts + 1 });
        this.#remove(job);
        counts.succeeded++;
      } catch (err) {
        job.attempts++;
        if (job.attempts >= this.#maxAttempts) {
          this.#remove(job);
          this.#dead.push({ ...job, error: err instanceof Error ? err.message : String(err) });
          counts.deadLettered++;
        } else {
          job.dueAt = this.#now() + this.#backoffMs(job.attempts);
          counts.retried++;
        }
      }
    }
    return counts;
  }

  retryDeadLetter(id) {
    const at = this.#dead.findIndex((job) => job.id === id);
    if (at === -1) return false;
    const [job] = this.#dead.splice(at, 1);
    this.#jobs.push({ id: job.id, seq: job.seq, payload: job.payload, attempts: 0, dueAt: this.#now() });
    return true;
  }

  #remove(job) {
    const at = this.#jobs.indexOf(job);
    if (at !== -1) this.#jobs.splice(at, 1);
  }
}
