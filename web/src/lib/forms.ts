import { type RefObject, useEffect } from 'react';
import { ApiError, errorMessage } from '../api';

export type FieldErrors = Partial<Record<string, string>>;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_RULE = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;

/** The confirmation of a new password must repeat it. */
export function confirmProblem(password: string, confirm: string): string | undefined {
  return confirm === password ? undefined : 'The passwords do not match.';
}

export function passwordProblem(password: string): string | undefined {
  if (!password) return 'Enter a password.';
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return undefined;
}

export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    return 'Enter an email address like name@example.com.';
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

export const CHECK_FIELDS = 'Please check the highlighted fields.';

/** Splits a thrown error into a summary message and per-field messages. */
export function describeError(err: unknown): { message: string; fields: FieldErrors } {
  if (err instanceof ApiError && Object.keys(err.fieldErrors).length > 0) {
    const fields = err.fieldErrors;
    // The summary should not repeat what is already shown next to a field.
    const repeats = !err.detail || Object.values(fields).includes(err.detail);
    return { message: repeats ? CHECK_FIELDS : err.detail, fields };
  }
  return { message: errorMessage(err), fields: {} };
}

/**
 * Move focus to the first invalid field after each failed submit (every failed submit sets a new
 * errors object), so keyboard and screen reader users land on the problem.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, errors: FieldErrors): void {
  useEffect(() => {
    if (hasErrors(errors)) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, errors]);
}
