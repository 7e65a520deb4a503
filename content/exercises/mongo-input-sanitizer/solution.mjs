const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(v) {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function sanitizeInput(value, { maxDepth = 20 } = {}) {
  const removed = [];

  function walk(v, path, depth) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return v;
    const where = path.length ? path.join('.') : '(root)';
    if (Array.isArray(v) || isPlainObject(v)) {
      if (depth > maxDepth) throw new RangeError(`input is nested deeper than ${maxDepth} levels at ${where}`);
      if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)], depth + 1));
      const out = {};
      for (const key of Object.keys(v)) {
        if (key.startsWith('$') || key.includes('.') || FORBIDDEN.has(key)) {
          removed.push([...path, key].join('.'));
          continue;
        }
        out[key] = walk(v[key], [...path, key], depth + 1);
      }
      return out;
    }
    throw new TypeError(`unsupported value of type ${typeof v === 'object' ? v.constructor?.name ?? 'object' : typeof v} at ${where}`);
  }

  return { value: walk(value, [], 1), removed };
}
