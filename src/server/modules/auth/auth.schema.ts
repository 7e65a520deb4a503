import { z } from 'zod';
import { roles } from '../../../core/access.js';

/** Trimmed, lower-cased, NFC-normalised e-mail. */
export const email = z
  .string()
  .trim()
  .max(254)
  .transform((v) => v.normalize('NFC').toLowerCase())
  .pipe(z.email({ message: 'must be an e-mail address' }));

/** 8 to 128 characters; nothing is ever truncated. */
export const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  createdAt: z.iso.datetime(),
});

export const registerBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  client: z.enum(['browser', 'api']).default('browser'),
});

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  client: z.enum(['browser', 'api']).default('browser'),
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(16).max(200).optional() }).nullish();

export const sessionView = z.object({
  user: userView,
  accessToken: z.string(),
  expiresIn: z.number().int(),
  refreshToken: z.string().optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(128),
  newPassword: password,
});

export const deleteAccountBody = z.strictObject({
  password: z.string().min(1, 'must not be empty').max(128),
});
