import { errors, jwtVerify } from 'jose';

export function requireJwt({ key, algorithms, issuer, audience, clockToleranceSec = 0 }) {
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new TypeError('requireJwt: algorithms must be a non-empty allow-list');
  }
  if (!issuer) throw new TypeError('requireJwt: issuer is required');
  if (!audience) throw new TypeError('requireJwt: audience is required');
  if (!key) throw new TypeError('requireJwt: key is required');

  return async function jwtMiddleware(req, res, next) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header);
    if (!match) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'missing_token' });
      return;
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key, {
        algorithms,
        issuer,
        audience,
        clockTolerance: clockToleranceSec,
      }));
    } catch (err) {
      if (err instanceof errors.JOSEError) {
        res.set('WWW-Authenticate', 'Bearer error="invalid_token"').status(401).json({ error: 'invalid_token' });
        return;
      }
      next(err);
      return;
    }
    req.auth = payload;
    next();
  };
}
