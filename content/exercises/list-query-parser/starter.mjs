export class QueryValidationError extends Error {
  constructor(errors) {
    super('Invalid query parameters');
    this.name = 'QueryValidationError';
    this.errors = errors;
  }
}

export function parseListQuery(query, { sortable = [], filters = {}, defaultLimit = 20, maxLimit = 100 } = {}) {
  // TODO: validate everything and collect the errors.
  return {
    limit: Number(query.limit ?? defaultLimit),
    offset: Number(query.offset ?? 0),
    sort: [],
    filters: {},
  };
}
