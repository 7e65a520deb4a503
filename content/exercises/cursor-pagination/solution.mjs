export class InvalidCursorError extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor({ createdAt, id }) {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor) {
  if (typeof cursor !== 'string' || !BASE64URL.test(cursor)) throw new InvalidCursorError();
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError();
  const [createdAt, id] = parsed;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw new InvalidCursorError();
  if (!Number.isSafeInteger(id) || id < 1) throw new InvalidCursorError();
  return { createdAt, id };
}

/** True when row comes strictly after the cursor position in (createdAt desc, id desc) order. */
function isAfter(row, position) {
  const a = Date.parse(row.createdAt);
  const b = Date.parse(position.createdAt);
  return a < b || (a === b && row.id < position.id);
}

export function paginate(rows, { limit = 20, after } = {}) {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new RangeError('limit must be an integer from 1 to 100');
  const position = after === undefined ? undefined : decodeCursor(after);
  const remaining = position ? rows.filter((row) => isAfter(row, position)) : rows;
  const items = remaining.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = remaining.length > limit ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}

export function keysetCondition({ createdAt, id }) {
  return { text: '("created_at", "id") < ($1, $2)', values: [createdAt, id] };
}
