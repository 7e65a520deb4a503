export class QueryValidationError extends Error {
  constructor(errors) {
    super('Invalid query parameters');
    this.name = 'QueryValidationError';
    this.errors = errors;
  }
}

const DIGITS = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function parseListQuery(query, { sortable = [], filters = {}, defaultLimit = 20, maxLimit = 100 } = {}) {
  const errors = [];
  const result = { limit: defaultLimit, offset: 0, sort: [], filters: {} };
  const fail = (param, message) => errors.push({ param, message });

  for (const param of Object.keys(query)) {
    const raw = query[param];
    const isFilter = Object.hasOwn(filters, param);
    if (!['limit', 'offset', 'sort'].includes(param) && !isFilter) {
      fail(param, 'is not a known parameter');
      continue;
    }
    if (Array.isArray(raw)) {
      fail(param, 'must be given once');
      continue;
    }
    const value = String(raw);
    if (value === '') {
      fail(param, 'must not be empty');
      continue;
    }
    if (param === 'limit') {
      const n = Number(value);
      if (!DIGITS.test(value) || n < 1 || n > maxLimit) fail(param, `must be an integer from 1 to ${maxLimit}`);
      else result.limit = n;
    } else if (param === 'offset') {
      if (!DIGITS.test(value) || !Number.isSafeInteger(Number(value))) fail(param, 'must be a non-negative integer');
      else result.offset = Number(value);
    } else if (param === 'sort') {
      const seen = new Set();
      for (const part of value.split(',')) {
        const descending = part.startsWith('-');
        const field = descending ? part.slice(1) : part;
        if (!sortable.includes(field)) {
          fail(param, `cannot sort by "${field}"`);
        } else if (seen.has(field)) {
          fail(param, `"${field}" is listed twice`);
        } else {
          seen.add(field);
          result.sort.push({ field, direction: descending ? 'desc' : 'asc' });
        }
      }
    } else {
      const type = filters[param];
      if (type === 'number') {
        if (!DECIMAL.test(value)) fail(param, 'must be a number');
        else result.filters[param] = Number(value);
      } else if (type === 'boolean') {
        if (value !== 'true' && value !== 'false') fail(param, 'must be true or false');
        else result.filters[param] = value === 'true';
      } else {
        result.filters[param] = value;
      }
    }
  }

  if (errors.length > 0) throw new QueryValidationError(errors);
  return result;
}
