import { createHash, randomBytes } from 'node:crypto';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import { type Actor, isRole } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';

export const TOKEN_ISSUER = 'nodeprep';
export const TOKEN_AUDIENCE = 'nodeprep-api';

export interface TokenSigner {
  sign(actor: Actor, now?: Date): Promise<string>;
  verify(token: string, now?: Date): Promise<Actor>;
}

/**
 * Short-lived HS256 access tokens with a fixed algorithm allow-list and iss/aud/exp checks.
 * fast-jwt verifies synchronously (node:crypto HMAC), which matters on every authenticated request.
 */
export function createTokenSigner(secret: string, ttlS: number): TokenSigner {
  const verifierOptions = {
    key: secret,
    algorithms: ['HS256' as const],
    allowedIss: TOKEN_ISSUER,
    allowedAud: TOKEN_AUDIENCE,
    requiredClaims: ['sub', 'exp', 'iat', 'iss', 'aud'],
  };
  const verifyAt = (clockTimestamp: number) => createVerifier({ ...verifierOptions, clockTimestamp });
  const verifyNow = createVerifier(verifierOptions);
  return {
    async sign(actor, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      const sign = createSigner({ key: secret, algorithm: 'HS256', clockTimestamp: now.getTime() });
      return sign({
        roles: [...actor.roles],
        sub: actor.userId,
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        iat,
        exp: iat + ttlS,
      });
    },
    async verify(token, now) {
      try {
        const payload = (now ? verifyAt(now.getTime()) : verifyNow)(token) as {
          sub: string;
          roles?: unknown;
        };
        const claimed = Array.isArray(payload.roles) ? payload.roles : [];
        return {
          userId: String(payload.sub),
          roles: claimed.filter((r): r is Actor['roles'][number] => typeof r === 'string' && isRole(r)),
        };
      } catch (err) {
        if (err instanceof TokenError && err.code === TokenError.codes.expired)
          throw new AppError('token_expired');
        throw new AppError('invalid_token');
      }
    },
  };
}

/** An opaque refresh token; only its SHA-256 is ever stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
