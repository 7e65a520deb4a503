export class CircularDependencyError extends Error {
  constructor(path) {
    super('Circular dependency');
    this.name = 'CircularDependencyError';
    this.path = path;
  }
}

export class Container {
  constructor() {
    this.providers = new Map();
  }

  register(token, provider) {
    this.providers.set(token, provider);
    return this;
  }

  has(token) {
    return this.providers.has(token);
  }

  // TODO: scopes, error messages and cycle detection.
  resolve(token) {
    const p = this.providers.get(token);
    if ('useValue' in p) return p.useValue;
    const deps = (p.inject ?? []).map((t) => this.resolve(t));
    return p.useClass ? new p.useClass(...deps) : p.useFactory(...deps);
  }
}
