export class Emitter {
  constructor() {
    this.listeners = {};
  }

  on(event, listener) {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }

  once(event, listener) {
    throw new Error('not implemented');
  }

  off(event, listener) {
    throw new Error('not implemented');
  }

  emit(event, ...args) {
    for (const l of this.listeners[event] ?? []) l(...args);
    return true;
  }

  listenerCount(event) {
    return (this.listeners[event] ?? []).length;
  }
}
