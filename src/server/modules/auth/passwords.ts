import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting. */
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum in the package's types)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so a sign-in with an unknown e-mail costs the same time as
 * one with a wrong password.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('nodeprep-timing-equaliser');
  await verifyPassword(await dummy, password);
}
