const nameOf = (token) => {
  if (typeof token === 'function') return token.name || '<anonymous class>';
  if (typeof token === 'symbol') return token.description ?? token.toString();
  return String(token);
};

export class CircularDependencyError extends Error {
  constructor(path) {
    super(`Circular dependency: ${path.map(nameOf).join(' -> ')}`);
    this.name = 'CircularDependencyError';
    this.path = path;
  }
}

export class Container {
  #providers = new Map();
  #singletons = new Map();

  register(token, provider) {
    if (provider === null || typeof provider !== 'object') throw new TypeError('provider must be an object');
    const scope = provider.scope ?? 'singleton';
    if (scope !== 'singleton' && scope !== 'transient') throw new TypeError(`unknown scope "${scope}"`);
    const inject = provider.inject ?? [];
    if (!Array.isArray(inject)) throw new TypeError('inject must be an array of tokens');
    let normalised;
    if ('useValue' in provider) normalised = { kind: 'value', value: provider.useValue };
    else if (typeof provider.useClass === 'function') normalised = { kind: 'class', create: (deps) => new provider.useClass(...deps) };
    else if (typeof provider.useFactory === 'function') normalised = { kind: 'factory', create: (deps) => provider.useFactory(...deps) };
    else throw new TypeError(`provider for ${nameOf(token)} needs useValue, useClass or useFactory`);
    this.#providers.set(token, { ...normalised, inject: [...inject], scope });
    this.#singletons.delete(token);
    return this;
  }

  has(token) {
    return this.#providers.has(token);
  }

  resolve(token) {
    return this.#resolve(token, []);
  }

  /** `path` is the chain of tokens being resolved above this one; a fresh array per call keeps failures from leaking state. */
  #resolve(token, path) {
    if (path.includes(token)) {
      throw new CircularDependencyError([...path.slice(path.indexOf(token)), token]);
    }
    const provider = this.#providers.get(token);
    if (!provider) {
      const chain = path.length ? ` (${[...path, token].map(nameOf).join(' -> ')})` : '';
      throw new Error(`No provider for ${nameOf(token)}${chain}`);
    }
    if (provider.kind === 'value') return provider.value;
    if (provider.scope === 'singleton' && this.#singletons.has(token)) return this.#singletons.get(token);
    const next = [...path, token];
    const deps = provider.inject.map((dep) => this.#resolve(dep, next));
    const instance = provider.create(deps);
    if (provider.scope === 'singleton') this.#singletons.set(token, instance);
    return instance;
  }
}
