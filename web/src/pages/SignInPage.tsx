import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { FormAlert } from '../components/Alert';
import { AuthCard } from '../components/AuthCard';
import { Button } from '../components/Button';
import { EmailField, TextField } from '../components/TextField';
import { useSignedIn } from '../lib/auth';
import { describeError, emailProblem, type FieldErrors, hasErrors, useFocusFirstInvalid } from '../lib/forms';
import { useCountdown } from '../lib/useCountdown';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstInvalid(formRef, errors);
  const [message, setMessage] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const wait = useCountdown(lockedUntil);
  const signedIn = useSignedIn();

  const login = useMutation({
    mutationFn: api.login,
    // GuestOnly redirects to ?next= once the user is known.
    onSuccess: (res) => signedIn(res.user),
    onError: (err) => {
      setErrors({});
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        setMessage('That email and password do not match an account.');
      } else if (err instanceof ApiError && err.status === 429) {
        const seconds = err.retryAfter ?? 60;
        setLockedUntil(Date.now() + seconds * 1000);
        setMessage(`Too many sign-in attempts. Try again in ${seconds} s.`);
      } else {
        const { message, fields } = describeError(err);
        setErrors(fields);
        setMessage(message);
      }
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {
      email: emailProblem(email),
      password: password ? undefined : 'Enter your password.',
    };
    setErrors(next);
    if (hasErrors(next)) {
      setMessage('Please check the highlighted fields.');
      return;
    }
    setMessage(null);
    login.mutate({ email: email.trim(), password });
  };

  const nextParam = params.get('next');
  const signUpHref = nextParam ? `/signup?next=${encodeURIComponent(nextParam)}` : '/signup';

  return (
    <AuthCard
      title="Sign in"
      lead="Welcome back. Pick up where you left off."
      footer={
        <>
          New to nodeprep?{' '}
          <Link
            to={signUpHref}
            className="font-semibold text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5">
        <FormAlert message={message} />
        <EmailField value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <Button
          type="submit"
          className="w-full"
          busy={login.isPending}
          disabled={login.isPending || wait > 0}
        >
          {wait > 0 ? `Try again in ${wait} s` : 'Sign in'}
        </Button>
      </form>
    </AuthCard>
  );
}
