import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { FormAlert } from '../components/Alert';
import { AuthCard } from '../components/AuthCard';
import { Button } from '../components/Button';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { EmailField, TextField } from '../components/TextField';
import { useSignedIn } from '../lib/auth';
import { browserTimeZone } from '../lib/format';
import {
  CHECK_FIELDS,
  confirmProblem,
  describeError,
  emailProblem,
  type FieldErrors,
  hasErrors,
  passwordProblem,
  useFocusFirstInvalid,
} from '../lib/forms';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstInvalid(formRef, errors);
  const [message, setMessage] = useState<string | null>(null);
  const signedIn = useSignedIn();

  const register = useMutation({
    mutationFn: async (body: Parameters<typeof api.register>[0]) => {
      const res = await api.register(body);
      // A new learner's days start at midnight where they are; they can change it in the plan.
      const timeZone = browserTimeZone();
      if (timeZone) await api.saveStudySettings({ timeZone }).catch(() => undefined);
      return res;
    },
    onSuccess: (res) => signedIn(res.user),
    onError: (err) => {
      let { message, fields } = describeError(err);
      if (err instanceof ApiError && err.status === 409 && !fields.email) {
        fields = { ...fields, email: err.detail ?? 'An account with this email already exists.' };
        message = CHECK_FIELDS;
      }
      setErrors(fields);
      setMessage(message);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {
      name: name.trim() ? undefined : 'Enter your name.',
      email: emailProblem(email),
      password: passwordProblem(password),
      confirm: confirmProblem(password, confirm),
    };
    setErrors(next);
    if (hasErrors(next)) {
      setMessage(CHECK_FIELDS);
      return;
    }
    setMessage(null);
    register.mutate({ name: name.trim(), email: email.trim(), password });
  };

  const nextParam = params.get('next');
  const signInHref = nextParam ? `/signin?next=${encodeURIComponent(nextParam)}` : '/signin';

  return (
    <AuthCard
      title="Create your account"
      lead="Guides, cards and practice for Node.js backend interviews."
      footer={
        <>
          Already have an account?{' '}
          <Link
            to={signInHref}
            className="font-semibold text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5">
        <FormAlert message={message} />
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={setName}
          error={errors.name}
          maxLength={100}
        />
        <EmailField value={email} onChange={setEmail} error={errors.email} />
        <NewPasswordFields
          label="Password"
          names={{ password: 'password', confirm: 'confirm' }}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors}
        />
        <Button type="submit" className="w-full" busy={register.isPending} disabled={register.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
