export function createRouter() {
  const routes = [];
  const router = {
    add(method, pattern, handler) {
      routes.push({ method, pattern, handler });
      return router;
    },
    // TODO: parameters, 405, HEAD, decoding...
    match(method, url) {
      const route = routes.find((r) => r.method === method && r.pattern === url);
      return route ? { handler: route.handler, params: {} } : null;
    },
  };
  for (const m of ['get', 'post', 'put', 'patch', 'delete']) {
    router[m] = (pattern, handler) => router.add(m.toUpperCase(), pattern, handler);
  }
  return router;
}
