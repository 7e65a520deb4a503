import { decodeJwt } from 'jose';

export function requireJwt({ key, algorithms, issuer, audience, clockToleranceSec = 0 }) {
  // TODO: this only decodes the token. It must verify it.
  return (req, res, next) => {
    const token = (req.headers.authorization ?? '').replace('Bearer ', '');
    try {
      req.auth = decodeJwt(token);
      next();
    } catch {
      res.status(401).json({ error: 'invalid_token' });
    }
  };
}
