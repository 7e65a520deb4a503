/**
 * Runs work(client) inside a transaction on a dedicated pool client.
 *
 * The bug was `const result = work(client)` without await: COMMIT ran while work's queries were
 * still pending, the catch block never saw work's rejection (it travelled out through `return`),
 * so no ROLLBACK ran, and release() returned the client to the pool while work still used it.
 * @param {{ connect(): Promise<{ query(text: string, values?: unknown[]): Promise<unknown>, release(err?: Error | boolean): void }> }} pool
 * @param {(client: any) => Promise<unknown>} work
 */
export async function withTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
