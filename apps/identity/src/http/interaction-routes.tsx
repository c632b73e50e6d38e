// Our interaction pages for oidc-provider: sign-in and consent. Each handler reads the
// interaction from the provider, acts, and hands the result back with a 303 redirect.
import { registeredLevels } from '../federation/agency-registration.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { AppError } from '#platform/errors/app-error.ts';
import { isLocale, type Locale } from '#platform/i18n/catalog.ts';
import { formFields } from '#platform/http/form-fields.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { ConsentsRepo } from '../db/consents-repo.ts';
import type { VerifiedProfilesRepo } from '../db/verified-profiles-repo.ts';
import { readRequestedLevels } from '../federation/assurance-levels.ts';
import { NOT_PHISHING_RESISTANT, type AuthContext } from './auth-context.ts';
import { SignInPage } from '../views/sign-in-page.tsx';
import { ConsentPage } from '../views/consent-page.tsx';
import { PhishingResistantPage } from '../views/phishing-resistant-page.tsx';

export interface InteractionDeps {
  provider: Provider;
  agencies: AgenciesRepo;
  auth: AuthContext;
  consents: ConsentsRepo;
  verifiedProfiles: VerifiedProfilesRepo;
  /** How long consent is remembered (Login.gov: one year). */
  consentTtlDays: number;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

export async function loadInteraction(
  provider: Provider,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Details> {
  try {
    return await provider.interactionDetails(req.raw, reply.raw);
  } catch {
    throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
  }
}

export async function finishInteraction(
  provider: Provider,
  req: FastifyRequest,
  reply: FastifyReply,
  result: Parameters<Provider['interactionResult']>[2],
) {
  const redirectTo = await provider.interactionResult(req.raw, reply.raw, result, {
    mergeWithLastSubmission: false,
  });
  return reply.redirect(redirectTo, 303);
}

/** Whether this sign-in will carry verified attributes: a verified person, asked for at IAL2. */
async function releasesVerifiedAttributes(deps: InteractionDeps, details: Details): Promise<boolean> {
  const accountId = details.session?.accountId;
  const agency = await deps.agencies.find(String(details.params.client_id));
  if (!accountId || !agency) return false;
  const requested = readRequestedLevels(
    details.params.acr_values as string | undefined,
    registeredLevels(agency),
  );
  if (!requested.ok || requested.levels.identity === 'auth-only') return false;
  const profile = await deps.verifiedProfiles.find(accountId);
  return !!profile && !profile.lockedAt;
}

/** The first supported language in an OIDC `ui_locales` list ("es-MX en" → "es"). */
export function uiLocale(uiLocales: unknown): Locale | undefined {
  if (typeof uiLocales !== 'string') return undefined;
  return uiLocales
    .split(' ')
    .map((tag) => tag.split('-')[0]!.toLowerCase())
    .find((language): language is Locale => isLocale(language));
}

/** oidc-provider's reasons for a login prompt that rule out single sign-on. */
export function mustSignInAgain(reasons: readonly string[]): boolean {
  return reasons.includes('login_prompt') || reasons.includes('max_age');
}

export function registerInteractionRoutes(app: FastifyInstance, deps: InteractionDeps): void {
  const agencyName = async (details: Details, req: FastifyRequest) =>
    (await deps.agencies.find(String(details.params.client_id)))?.name ??
    req.t('idp.interaction.agencyFallback');

  app.get<{ Params: { uid: string } }>('/interaction/:uid', async (req, reply) => {
    const details = await loadInteraction(deps.provider, req, reply);
    if (details.uid !== req.params.uid) throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
    // The agency's ui_locales picks the language once, unless the person already chose one.
    const wanted = uiLocale(details.params.ui_locales);
    if (wanted && wanted !== req.locale && !req.cookies.idp_lang && !('lang' in (req.query as object)))
      return reply.redirect(`/interaction/${details.uid}?lang=${wanted}`, 303);
    const name = await agencyName(details, req);
    if (details.prompt.name === 'login') {
      // Already signed in here (another agency, earlier today): single sign-on when the step
      // graph allows it (AAL2, or a remembered browser where this agency accepts AAL1), else the
      // second factor — unless the agency asked for a fresh sign-in (prompt=login, or max_age).
      const current = await deps.auth.session(req);
      if (current && !mustSignInAgain(details.prompt.reasons))
        return deps.auth.continueSignIn(req, reply, current.session, false);
      return reply.page((ctx) =>
        SignInPage(ctx, {
          action: `/interaction/${details.uid}/sign-in`,
          signUpHref: `/interaction/${details.uid}/sign-up`,
          agencyName: name,
        }),
      );
    }
    if (details.prompt.name === 'consent') {
      const scopes = String(details.params.scope ?? 'openid').split(' ');
      const verified = await releasesVerifiedAttributes(deps, details);
      return reply.page((ctx) => ConsentPage(ctx, { uid: details.uid, agencyName: name, scopes, verified }));
    }
    throw new AppError('E400-PROMPT', 400, 'idp.oidcError.body');
  });

  // The agency asked for a phishing-resistant sign-in and this one was not: say so, and offer
  // the ways on.
  app.get<{ Params: { uid: string } }>('/interaction/:uid/phishing-resistant', async (req, reply) => {
    const details = await loadInteraction(deps.provider, req, reply);
    const current = await deps.auth.session(req);
    if (details.uid !== req.params.uid || !current)
      throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
    const hasKey = await deps.auth.hasPhishingResistantMethod(current.session.accountId);
    const name = await agencyName(details, req);
    return reply.page((ctx) => PhishingResistantPage(ctx, { uid: details.uid, agencyName: name, hasKey }));
  });

  // The agency asked for a phishing-resistant sign-in: end this session and sign in again
  // (password, then the passkey or security key), still inside the agency's request.
  app.post<{ Params: { uid: string } }>('/interaction/:uid/sign-in-again', async (req, reply) => {
    const details = await loadInteraction(deps.provider, req, reply);
    if (details.uid !== req.params.uid) throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
    await deps.auth.signOutHere(req, reply);
    return reply.redirect(`/interaction/${details.uid}`, 303);
  });

  // …or go back to the agency, which learns that its requirement was not met.
  app.post<{ Params: { uid: string } }>('/interaction/:uid/abort', async (req, reply) => {
    await loadInteraction(deps.provider, req, reply);
    return finishInteraction(deps.provider, req, reply, {
      error: 'unmet_authentication_requirements',
      error_description: NOT_PHISHING_RESISTANT,
    });
  });

  app.post<{ Params: { uid: string } }>('/interaction/:uid/consent', async (req, reply) => {
    const details = await loadInteraction(deps.provider, req, reply);
    const { decision } = formFields(req.body, ['decision']);
    if (details.prompt.name !== 'consent' || !details.session?.accountId)
      throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
    if (decision !== 'allow') {
      return finishInteraction(deps.provider, req, reply, {
        error: 'access_denied',
        error_description: 'The person declined to share their information',
      });
    }
    const { Grant } = deps.provider;
    const grant = details.grantId
      ? await Grant.find(details.grantId)
      : new Grant({ accountId: details.session.accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new AppError('E440-SESSION', 400, 'idp.interaction.expired');
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    const consented = String(details.params.scope ?? 'openid')
      .split(' ')
      .filter(Boolean);
    await deps.consents.record(
      details.session.accountId,
      String(details.params.client_id),
      consented,
      new Date(Date.now() + deps.consentTtlDays * 86400_000),
    );
    req.log.info({ event: 'consent_granted', clientId: details.params.client_id }, 'consent granted');
    return finishInteraction(deps.provider, req, reply, { consent: { grantId } });
  });
}
