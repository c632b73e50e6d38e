// The new-password and confirmation fields, with the strength meter, shared by sign-up and
// password reset. The page that uses it loads /assets/password-strength.js.
import type { PageContext } from '#platform/ui/page-context.ts';
import { TextField } from '#platform/ui/components.tsx';

export function NewPasswordFields({
  ctx,
  errorFor,
  labels,
}: {
  ctx: PageContext;
  errorFor: (field: string) => string | undefined;
  labels: { password: string; confirm: string };
}) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={labels.password}
        hint={ctx.t('idp.password.passwordHint')}
        error={errorFor('password')}
        autocomplete="new-password"
        required
        strengthMeter
      />
      <TextField
        name="passwordConfirmation"
        type="password"
        label={labels.confirm}
        error={errorFor('passwordConfirmation')}
        autocomplete="new-password"
        required
      />
    </>
  );
}
