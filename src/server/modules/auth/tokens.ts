import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { type Actor, isRole } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';

export const TOKEN_ISSUER = 'nodeprep';
export const TOKEN_AUDIENCE = 'nodeprep-api';
const ALGORITHMS = ['HS256'];

export interface TokenSigner {
  sign(actor: Actor, now?: Date): Promise<string>;
  verify(token: string, now?: Date): Promise<Actor>;
}

/** Short-lived HS256 access tokens with a fixed algorithm allow-list and iss/aud/exp checks. */
export function createTokenSigner(secret: string, ttlS: number): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(actor, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ roles: [...actor.roles] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(actor.userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlS)
        .sign(key);
    },
    async verify(token, now = new Date()) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ALGORITHMS,
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          requiredClaims: ['sub', 'exp', 'iat'],
          currentDate: now,
        });
        const claimed = Array.isArray(payload.roles) ? payload.roles : [];
        return {
          userId: String(payload.sub),
          roles: claimed.filter((r): r is Actor['roles'][number] => typeof r === 'string' && isRole(r)),
        };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new AppError('token_expired');
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
