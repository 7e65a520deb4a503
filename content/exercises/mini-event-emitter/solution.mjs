function assertListener(listener) {
  if (typeof listener !== 'function') {
    throw new TypeError(`The "listener" argument must be a function, got ${typeof listener}`);
  }
}

export class Emitter {
  /** event -> array of { fn, once } records, in registration order. */
  #events = new Map();

  #add(event, fn, once) {
    assertListener(fn);
    const list = this.#events.get(event);
    if (list) list.push({ fn, once });
    else this.#events.set(event, [{ fn, once }]);
    return this;
  }

  on(event, listener) {
    return this.#add(event, listener, false);
  }

  once(event, listener) {
    return this.#add(event, listener, true);
  }

  off(event, listener) {
    assertListener(listener);
    const list = this.#events.get(event);
    if (!list) return this;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].fn === listener) {
        list.splice(i, 1);
        break;
      }
    }
    if (list.length === 0) this.#events.delete(event);
    return this;
  }

  emit(event, ...args) {
    const list = this.#events.get(event);
    if (!list || list.length === 0) {
      if (event === 'error') {
        const [err] = args;
        if (err instanceof Error) throw err;
        const wrapped = new Error('Unhandled error event');
        wrapped.context = err;
        throw wrapped;
      }
      return false;
    }
    for (const record of [...list]) {
      if (record.once) {
        // A re-entrant emit may already have fired this record.
        if (record.fired) continue;
        record.fired = true;
        // Remove this exact record (not another registration of the same function).
        const current = this.#events.get(event);
        const at = current ? current.indexOf(record) : -1;
        if (at !== -1) current.splice(at, 1);
        if (current && current.length === 0) this.#events.delete(event);
      }
      record.fn.apply(this, args);
    }
    return true;
  }

  listenerCount(event) {
    return this.#events.get(event)?.length ?? 0;
  }
}
