/**
 * Builds the admin user search.
 * @param {{ email?: string, status?: string, minAge?: number, sortBy?: string }} filters
 */
export function buildUserSearch({ email, status, minAge, sortBy = 'id' } = {}) {
  let sql = 'SELECT id, email, status FROM users WHERE 1=1';
  if (email) sql += " AND email = '" + email + "'";
  if (status) sql += " AND status = '" + status + "'";
  if (minAge !== undefined) sql += ' AND age >= ' + minAge;
  sql += ' ORDER BY ' + sortBy;
  return sql;
}
