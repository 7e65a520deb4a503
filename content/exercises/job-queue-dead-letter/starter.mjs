export class JobQueue {
  constructor({ handler, maxAttempts = 3, backoffMs = () => 0, now = Date.now }) {
    this.handler = handler;
    this.jobs = [];
    this.seq = 0;
  }

  enqueue(payload) {
    const id = `job-${++this.seq}`;
    this.jobs.push({ id, payload });
    return id;
  }

  get size() {
    return this.jobs.length;
  }

  get deadLetters() {
    return [];
  }

  // TODO: retries with back-off and a dead-letter list. Failed jobs are simply lost here.
  async runOnce() {
    const batch = this.jobs.splice(0);
    let succeeded = 0;
    for (const job of batch) {
      try {
        await this.handler(job.payload, { id: job.id, attempt: 1 });
        succeeded++;
      } catch {}
    }
    return { succeeded, retried: 0, deadLettered: 0 };
  }

  retryDeadLetter(id) {
    return false;
  }
}
