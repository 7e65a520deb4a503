const IDENT = /^[a-z_][a-z0-9_]*$/;
const OPERATORS = [
  ['gt', '>'],
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
  ['ne', '<>'],
  ['like', 'LIKE'],
];
const KNOWN = new Set(OPERATORS.map(([key]) => key));

function ident(name) {
  if (typeof name !== 'string' || !IDENT.test(name)) throw new TypeError(`invalid identifier: ${String(name)}`);
  return `"${name}"`;
}

function tableName(name) {
  if (typeof name !== 'string') throw new TypeError('table must be a string');
  const parts = name.split('.');
  if (parts.length > 2) throw new TypeError(`invalid table name: ${name}`);
  return parts.map(ident).join('.');
}

const isScalar = (v) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof Date;

function checkCount(name, n) {
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`${name} must be a non-negative integer`);
}

export function buildSelect({ table, columns = ['*'], where = {}, orderBy = [], limit, offset }) {
  const values = [];
  const param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };

  const cols = columns.length === 1 && columns[0] === '*' ? '*' : columns.map(ident).join(', ');
  const parts = [`SELECT ${cols} FROM ${tableName(table)}`];

  const conditions = [];
  for (const [key, value] of Object.entries(where)) {
    const col = ident(key);
    if (value === undefined) continue;
    if (value === null) conditions.push(`${col} IS NULL`);
    else if (Array.isArray(value)) conditions.push(`${col} = ANY(${param(value)})`);
    else if (isScalar(value)) conditions.push(`${col} = ${param(value)}`);
    else if (typeof value === 'object') {
      for (const op of Object.keys(value)) {
        if (!KNOWN.has(op)) throw new TypeError(`unknown operator "${op}" for ${key}`);
      }
      for (const [op, sql] of OPERATORS) {
        if (op in value) conditions.push(`${col} ${sql} ${param(value[op])}`);
      }
    } else {
      throw new TypeError(`unsupported value for ${key}`);
    }
  }
  if (conditions.length) parts.push(`WHERE ${conditions.join(' AND ')}`);

  if (orderBy.length) {
    const terms = orderBy.map((term) =>
      term.startsWith('-') ? `${ident(term.slice(1))} DESC` : `${ident(term)} ASC`,
    );
    parts.push(`ORDER BY ${terms.join(', ')}`);
  }
  if (limit !== undefined) {
    checkCount('limit', limit);
    parts.push(`LIMIT ${param(limit)}`);
  }
  if (offset !== undefined) {
    checkCount('offset', offset);
    parts.push(`OFFSET ${param(offset)}`);
  }
  return { text: parts.join(' '), values };
}
