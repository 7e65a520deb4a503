export function sanitizeInput(value, { maxDepth = 20 } = {}) {
  // TODO: this only looks at the top level and changes the input in place.
  const removed = [];
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) {
        delete value[key];
        removed.push(key);
      }
    }
  }
  return { value, removed };
}
