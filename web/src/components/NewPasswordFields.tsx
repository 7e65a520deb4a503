import { PASSWORD_MAX, PASSWORD_RULE } from '../lib/forms';
import { TextField } from './TextField';

interface NewPasswordFieldsProps {
  /** "Password" on sign-up, "New password" when changing it; the confirmation is labelled to match. */
  label: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { password?: string | undefined; confirm?: string | undefined };
  /** Form field names, where the form posts them. */
  names?: { password: string; confirm: string };
}

/** A new password with its rule, and its confirmation: sign-up and the password change. */
export function NewPasswordFields({
  label,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
  names,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        name={names?.password}
        autoComplete="new-password"
        required
        hint={PASSWORD_RULE}
        maxLength={PASSWORD_MAX}
        value={password}
        onChange={onPassword}
        error={errors.password}
      />
      <TextField
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        name={names?.confirm}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        value={confirm}
        onChange={onConfirm}
        error={errors.confirm}
      />
    </>
  );
}
