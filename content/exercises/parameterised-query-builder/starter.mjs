export function buildSelect({ table, columns = ['*'], where = {}, orderBy = [], limit, offset }) {
  // TODO: this pastes values into the SQL text. Use placeholders and validate identifiers.
  let text = `SELECT ${columns.join(', ')} FROM ${table}`;
  const conditions = Object.entries(where).map(([col, value]) => `${col} = '${value}'`);
  if (conditions.length) text += ` WHERE ${conditions.join(' AND ')}`;
  if (limit !== undefined) text += ` LIMIT ${limit}`;
  return { text, values: [] };
}
