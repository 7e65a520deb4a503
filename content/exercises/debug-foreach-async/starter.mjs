/**
 * Sends one message per recipient and returns how many were sent.
 * @param {string[]} recipients
 * @param {(recipient: string) => Promise<void>} send
 */
export async function sendAll(recipients, send) {
  let sent = 0;
  recipients.forEach(async (recipient) => {
    await send(recipient);
    sent++;
  });
  return sent;
}
