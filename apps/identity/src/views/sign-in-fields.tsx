// The email and current-password fields, wherever a person proves who they are with their
// password (signing in, re-entering it before an account reset or a deletion).
import type { PageContext } from '#platform/ui/page-context.ts';
import { TextField } from '#platform/ui/components.tsx';

export function CurrentPasswordField({ ctx, error }: { ctx: PageContext; error?: string | undefined }) {
  return (
    <TextField
      name="password"
      type="password"
      label={ctx.t('idp.signIn.password')}
      error={error}
      autocomplete="current-password"
      required
      maxLength={1024}
    />
  );
}

export function SignInFields({ ctx, email }: { ctx: PageContext; email?: string | undefined }) {
  return (
    <>
      <TextField
        name="email"
        type="email"
        label={ctx.t('idp.signIn.email')}
        value={email}
        autocomplete="username"
        required
        maxLength={254}
      />
      <CurrentPasswordField ctx={ctx} />
    </>
  );
}
