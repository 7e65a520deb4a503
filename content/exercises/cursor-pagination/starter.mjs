export class InvalidCursorError extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor({ createdAt, id }) {
  throw new Error('not implemented');
}

export function decodeCursor(cursor) {
  throw new Error('not implemented');
}

export function paginate(rows, { limit = 20, after } = {}) {
  throw new Error('not implemented');
}

export function keysetCondition({ createdAt, id }) {
  throw new Error('not implemented');
}
