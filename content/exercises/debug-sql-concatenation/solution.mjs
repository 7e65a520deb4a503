const SORTABLE = new Set(['id', 'email', 'created_at']);

/**
 * Builds the admin user search as a parameterised query: values travel separately from the
 * SQL text, and the sort column, which cannot be a parameter, comes from an allow-list.
 * @param {{ email?: string, status?: string, minAge?: number, sortBy?: string }} filters
 */
export function buildUserSearch({ email, status, minAge, sortBy = 'id' } = {}) {
  if (!SORTABLE.has(sortBy)) throw new Error(`invalid sortBy: ${String(sortBy).slice(0, 40)}`);
  const values = [];
  const placeholder = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  let text = 'SELECT id, email, status FROM users WHERE 1=1';
  if (email) text += ` AND email = ${placeholder(email)}`;
  if (status) text += ` AND status = ${placeholder(status)}`;
  if (minAge !== undefined) text += ` AND age >= ${placeholder(minAge)}`;
  text += ` ORDER BY ${sortBy}`;
  return { text, values };
}
