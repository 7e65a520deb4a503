/**
 * Runs work(client) inside a transaction on a dedicated pool client.
 * @param {{ connect(): Promise<{ query(text: string, values?: unknown[]): Promise<unknown>, release(err?: Error | boolean): void }> }} pool
 * @param {(client: any) => Promise<unknown>} work
 */
export async function withTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
