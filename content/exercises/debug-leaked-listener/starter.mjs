/**
 * A tiny request/response client over an EventEmitter-style socket.
 * @param {{ send(msg: object): void, on: Function, off: Function }} socket
 */
export function createRpcClient(socket, { timeoutMs = 5000 } = {}) {
  let nextId = 1;
  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        socket.on('message', (msg) => {
          if (msg.id !== id) return;
          if (msg.error) reject(new Error(msg.error));
          else resolve(msg.result);
        });
        setTimeout(() => reject(new Error(`request ${id} timed out`)), timeoutMs);
        socket.send({ id, method, params });
      });
    },
  };
}
