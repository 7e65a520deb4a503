import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import {
  CHECK_FIELDS,
  confirmProblem,
  describeError,
  type FieldErrors,
  hasErrors,
  passwordProblem,
  useFocusFirstInvalid,
} from '../../lib/forms';
import { FormAlert, StatusMessage } from '../Alert';
import { Button } from '../Button';
import { NewPasswordFields } from '../NewPasswordFields';
import { Panel } from '../Panel';
import { TextField } from '../TextField';

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstInvalid(formRef, errors);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: api.changePassword,
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone('Your password has been changed.');
    },
    onError: (err) => {
      let { message, fields } = describeError(err);
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        fields = { currentPassword: 'This is not your current password.' };
        message = CHECK_FIELDS;
      }
      setErrors({ current: fields.currentPassword, next: fields.newPassword });
      setMessage(message);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems: FieldErrors = {
      current: current ? undefined : 'Enter your current password.',
      next:
        passwordProblem(next) ??
        (next === current ? 'Choose a password different from the current one.' : undefined),
      confirm: confirmProblem(next, confirm),
    };
    setErrors(problems);
    if (hasErrors(problems)) {
      setMessage(CHECK_FIELDS);
      return;
    }
    setMessage(null);
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <Panel title="Change password" id="password-title">
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5">
        <FormAlert message={message} />
        <StatusMessage message={done} />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
          error={errors.current}
        />
        <NewPasswordFields
          label="New password"
          password={next}
          confirm={confirm}
          onPassword={setNext}
          onConfirm={setConfirm}
          errors={{ password: errors.next, confirm: errors.confirm }}
        />
        <Button type="submit" busy={change.isPending} disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </Panel>
  );
}
