function compile(pattern) {
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) throw new Error(`pattern must start with "/": ${pattern}`);
  const segments = splitPath(pattern);
  const names = new Set();
  for (const s of segments) {
    if (s.startsWith(':')) {
      const name = s.slice(1);
      if (!name) throw new Error(`empty parameter name in ${pattern}`);
      if (names.has(name)) throw new Error(`parameter "${name}" appears twice in ${pattern}`);
      names.add(name);
    }
  }
  return segments;
}

/** '/a/b/' -> ['a', 'b'];  '/' -> [] */
function splitPath(path) {
  let p = path;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p === '/' ? [] : p.slice(1).split('/');
}

/** Returns params (raw, still encoded) or null. */
function matchSegments(segments, parts) {
  if (segments.length !== parts.length) return null;
  const params = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.startsWith(':')) {
      if (parts[i] === '') return null;
      params[s.slice(1)] = parts[i];
    } else if (s !== parts[i]) {
      return null;
    }
  }
  return params;
}

export function createRouter() {
  const routes = [];
  const router = {
    add(method, pattern, handler) {
      routes.push({ method: method.toUpperCase(), segments: compile(pattern), handler });
      return router;
    },
    match(method, url) {
      const m = method.toUpperCase();
      const path = url.split(/[?#]/, 1)[0] || '/';
      const parts = splitPath(path);
      const candidates = [];
      for (const route of routes) {
        const raw = matchSegments(route.segments, parts);
        if (raw) candidates.push({ route, raw });
      }
      if (candidates.length === 0) return null;
      const chosen =
        candidates.find((c) => c.route.method === m) ??
        (m === 'HEAD' ? candidates.find((c) => c.route.method === 'GET') : undefined);
      if (!chosen) {
        const allow = [];
        for (const { route } of candidates) {
          if (!allow.includes(route.method)) allow.push(route.method);
          if (route.method === 'GET' && !allow.includes('HEAD')) allow.push('HEAD');
        }
        return { status: 405, allow };
      }
      const params = {};
      try {
        for (const [k, v] of Object.entries(chosen.raw)) params[k] = decodeURIComponent(v);
      } catch {
        return { status: 400 };
      }
      return { handler: chosen.route.handler, params };
    },
  };
  for (const name of ['get', 'post', 'put', 'patch', 'delete']) {
    router[name] = (pattern, handler) => router.add(name, pattern, handler);
  }
  return router;
}
