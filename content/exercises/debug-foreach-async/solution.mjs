/**
 * Sends one message per recipient and returns how many were sent.
 *
 * forEach ignores what its callback returns, so the promises of the async callbacks were
 * dropped: nothing waited for them (sent was still 0 at return), they all started at once, and
 * their rejections had no handler. A for...of loop with await runs them in sequence inside this
 * async function, so errors propagate to the caller.
 * @param {string[]} recipients
 * @param {(recipient: string) => Promise<void>} send
 */
export async function sendAll(recipients, send) {
  let sent = 0;
  for (const recipient of recipients) {
    await send(recipient);
    sent++;
  }
  return sent;
}
