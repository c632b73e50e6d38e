// Sign-up use-cases: start with an email, confirm by link, finish with name and password.
// Starting never reveals whether the email is registered: the page is the same and an
// email is sent either way (a confirmation link, or a note that an account exists).
import type { Database } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { translator, type Locale, type MessageKey } from '#platform/i18n/catalog.ts';
import type { FieldError } from '#platform/ui/components.tsx';
import type { AccountsRepo, Account } from '../db/accounts-repo.ts';
import type { SignUpFlowsRepo, SignUpFlow } from '../db/signup-flows-repo.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { isValidEmail, normaliseEmail } from '../auth/email-address.ts';

export interface SignUpDeps {
  db: Database;
  accounts: AccountsRepo;
  flows: SignUpFlowsRepo;
  hasher: PasswordHasher;
  email: EmailSender;
  baseUrl: string;
  linkTtlHours: number;
  /** Counts a sign-up email to the address; false past the limit (20 per hour). */
  allowEmail: (email: string) => Promise<boolean>;
  /** True when a password is on the breached/common-password list. */
  breached: (password: string) => boolean;
  now: () => Date;
}

export type StartResult = { ok: true; flow: SignUpFlow } | { ok: false; error: MessageKey };
export type CompleteResult =
  | { ok: true; account: Account; flow: SignUpFlow }
  | { ok: false; errors: { field: string; key: MessageKey }[] };

export interface SignUpInput {
  givenName: string;
  familyName: string;
  password: string;
  passwordConfirmation: string;
}

export function createSignUpService(deps: SignUpDeps) {
  return {
    async start(rawEmail: string, interactionUid: string | null, locale: Locale): Promise<StartResult> {
      const email = normaliseEmail(rawEmail);
      if (!isValidEmail(email)) return { ok: false, error: 'idp.signUp.emailInvalid' };
      const token = randomToken();
      const expiresAt = new Date(deps.now().getTime() + deps.linkTtlHours * 3600_000);
      const flow = await deps.flows.start({
        email,
        tokenHash: hashToken(token),
        interactionUid,
        locale,
        expiresAt,
      });
      const t = translator(locale);
      // Past the limit nothing is sent, but the answer stays the same (no account oracle).
      if (!(await deps.allowEmail(email))) return { ok: true, flow };
      const existing = await deps.accounts.findByEmail(email);
      if (existing) {
        await deps.email.send({
          to: email,
          kind: 'sign-up-existing',
          subject: t('idp.email.existing.subject'),
          text: t('idp.email.existing.body'),
        });
      } else {
        const link = `${deps.baseUrl}/sign-up/confirm?token=${encodeURIComponent(token)}`;
        await deps.email.send({
          to: email,
          kind: 'sign-up-confirm',
          subject: t('idp.email.confirm.subject'),
          text: t('idp.email.confirm.body', { link }),
        });
      }
      return { ok: true, flow };
    },

    confirm(token: string): Promise<SignUpFlow | undefined> {
      return deps.flows.confirmByToken(hashToken(token), deps.now());
    },

    async complete(flow: SignUpFlow, input: SignUpInput): Promise<CompleteResult> {
      const errors = validate(input, flow.email, deps.breached);
      if (errors.length > 0) return { ok: false, errors };
      const passwordHash = await deps.hasher.hash(input.password);
      const account = await deps.db.transaction(async (tx) => {
        const created = await deps.accounts.create(tx, {
          email: flow.email,
          givenName: input.givenName.trim(),
          familyName: input.familyName.trim(),
          passwordHash,
        });
        if (!(await deps.flows.complete(tx, flow.id, created.id)))
          throw new Error('Sign-up flow was already completed');
        return created;
      });
      return { ok: true, account, flow: { ...flow, completedAt: deps.now() } };
    },
  };
}

export type SignUpService = ReturnType<typeof createSignUpService>;

function validate(
  input: SignUpInput,
  email: string,
  breached: (password: string) => boolean,
): { field: string; key: MessageKey }[] {
  const errors: { field: string; key: MessageKey }[] = [];
  for (const field of ['givenName', 'familyName'] as const) {
    const value = input[field].trim();
    if (!value) errors.push({ field, key: 'idp.password.nameRequired' });
    else if (value.length > 100) errors.push({ field, key: 'idp.password.nameTooLong' });
  }
  const passwordError = checkNewPassword({
    password: input.password,
    confirmation: input.passwordConfirmation,
    email,
    breached,
  });
  if (passwordError)
    errors.push({
      field: passwordError === 'idp.password.mismatch' ? 'passwordConfirmation' : 'password',
      key: passwordError,
    });
  return errors;
}

export function translateErrors(
  errors: { field: string; key: MessageKey }[],
  t: (key: MessageKey) => string,
): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(e.key) }));
}
