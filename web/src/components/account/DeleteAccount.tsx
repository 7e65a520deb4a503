import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api';
import { useClearSession } from '../../lib/auth';
import { describeError, type FieldErrors, useFocusFirstInvalid } from '../../lib/forms';
import { FormAlert } from '../Alert';
import { Button } from '../Button';
import { Dialog } from '../Dialog';
import { Panel } from '../Panel';
import { TextField } from '../TextField';

export function DeleteAccount() {
  const [open, setOpen] = useState(false);
  return (
    <Panel title="Delete account" id="delete-title" tone="danger">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        This permanently deletes your account and all your study history. It cannot be undone. Export your
        data first if you want to keep it.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
      <Dialog open={open} title="Delete your account?" onClose={() => setOpen(false)}>
        <DeleteForm onCancel={() => setOpen(false)} />
      </Dialog>
    </Panel>
  );
}

function DeleteForm({ onCancel }: { onCancel: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstInvalid(formRef, errors);
  const [message, setMessage] = useState<string | null>(null);
  const clearSession = useClearSession();
  const navigate = useNavigate();

  const remove = useMutation({
    mutationFn: api.deleteAccount,
    onSuccess: () => {
      navigate('/', { replace: true, state: { flash: 'Your account has been deleted.' } });
      clearSession();
    },
    onError: (err) => {
      const { message, fields } = describeError(err);
      const wrong = err instanceof ApiError && err.code === 'invalid_credentials';
      setErrors({ password: wrong ? 'This password is not correct.' : fields.password });
      setMessage(wrong ? null : message);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setErrors({ password: 'Enter your password to confirm.' });
      return;
    }
    setErrors({});
    setMessage(null);
    remove.mutate({ password });
  };

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your account and all your study history will be deleted permanently. Enter your password to confirm.
      </p>
      <FormAlert message={message} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" busy={remove.isPending} disabled={remove.isPending}>
          Delete account
        </Button>
      </div>
    </form>
  );
}
