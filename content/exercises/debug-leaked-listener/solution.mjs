/**
 * A tiny request/response client over an EventEmitter-style socket.
 *
 * One 'message' listener for the whole client dispatches responses through a map of pending
 * requests; each entry owns its timer, and settling a request (response or timeout) deletes
 * the entry and clears the timer, so nothing accumulates.
 * @param {{ send(msg: object): void, on: Function, off: Function }} socket
 */
export function createRpcClient(socket, { timeoutMs = 5000 } = {}) {
  let nextId = 1;
  /** id -> { resolve, reject, timer } */
  const pending = new Map();

  socket.on('message', (msg) => {
    const entry = msg && pending.get(msg.id);
    if (!entry) return; // unknown id, or a late answer to a request that timed out
    pending.delete(msg.id);
    clearTimeout(entry.timer);
    if (msg.error) entry.reject(new Error(msg.error));
    else entry.resolve(msg.result);
  });

  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`request ${id} timed out`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        try {
          socket.send({ id, method, params });
        } catch (err) {
          pending.delete(id);
          clearTimeout(timer);
          reject(err);
        }
      });
    },
  };
}
