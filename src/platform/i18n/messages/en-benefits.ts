// English messages for the State Benefits Agency (demo), the second relying party (merged into
// the catalog by catalog.ts). It shows one identity provider account signing in to two agencies.
export const enBenefits = {
  'benefits.name': 'State Benefits Agency (demo)',
  'benefits.nav.signIn': 'Sign in',
  'benefits.nav.signOut': 'Sign out',
  'benefits.demo.heading': 'A demonstration agency',
  'benefits.demo.body':
    'This is not a real government service. Nothing you do here applies for or changes any benefit.',

  'benefits.home.title': 'Apply for and manage your benefits',
  'benefits.home.lead':
    'The State Benefits Agency shows that one identity provider account signs in to more than one agency: the account you use for the online tax account works here too.',
  'benefits.home.asks':
    'This agency asks only for your email address and a sign-in with a second step, such as a code or a security key. You do not need to verify your identity.',
  'benefits.home.pairwise':
    'It receives its own identifier for you, different from the one the tax account receives, so the two agencies cannot match their records with it.',
  'benefits.home.signIn': 'Sign in with the identity provider',

  'benefits.signedIn.greeting': 'Hello, {email}',
  'benefits.signedIn.greetingNoEmail': 'Hello',
  'benefits.signedIn.lead': 'You are signed in to the State Benefits Agency (demo).',
  'benefits.signedIn.receivedTitle': 'What this agency received',
  'benefits.signedIn.receivedLead':
    'The identity provider sent only what is listed here. Nothing else about you was shared.',
  'benefits.signedIn.expires':
    'For your security, you are signed out of this agency {minutes} minutes after signing in.',
  'benefits.signedIn.signOutNote': 'Signing out here also lets you sign out of the identity provider.',
  'benefits.claim.sub': 'Your identifier at this agency (sub)',
  'benefits.claim.subHelp': 'The tax account receives a different identifier for the same person.',
  'benefits.claim.ial': 'Identity assurance (ial)',
  'benefits.claim.aal': 'Authentication assurance (aal)',
  'benefits.claim.acr': 'Authentication context (acr)',
  'benefits.claim.email': 'Email address (email)',
  'benefits.claim.missing': 'Not provided',

  'benefits.signedOut.title': 'You have signed out',
  'benefits.signedOut.body':
    'You are signed out of the State Benefits Agency. If you are on a shared computer, close your browser.',
  'benefits.signedOut.again': 'Sign in again',

  'benefits.failed.title': 'We could not confirm your identity',
  'benefits.failed.lead':
    'The State Benefits Agency could not confirm who you are through the identity provider, so we cannot show your benefits online right now. You can still reach us.',
  'benefits.failed.optionsTitle': 'Other ways to continue',
  'benefits.failed.tryAgain':
    'Try signing in again. Have your password and your second step (for example your phone or security key) ready.',
  'benefits.failed.phone': 'Call us at 1-800-555-0199 (a demo number), Monday to Friday, 8 a.m. to 6 p.m.',
  'benefits.failed.office': 'Visit a local office with a photo ID. Staff can confirm who you are in person.',
  'benefits.failed.paper': 'Apply by mail with a paper form. You do not need an online account for that.',

  'benefits.problem.title': 'We could not sign you in',
  'benefits.problem.accessDenied':
    'You cancelled signing in, or chose not to share your information with this agency. Nothing was shared.',
  'benefits.problem.unmetRequirements':
    'The identity provider could not confirm the kind of sign-in this agency needs: your password and a second step, such as a code or a security key.',
  'benefits.problem.loginRequired':
    'The identity provider needs you to sign in again before it can continue.',
  'benefits.problem.consentRequired':
    'The identity provider needs your agreement before it shares your information with this agency.',
  'benefits.problem.providerUnavailable':
    'The identity provider is not answering right now. This is usually temporary; try again in a few minutes.',
  'benefits.problem.unknownError': 'The identity provider could not complete your sign-in.',
  'benefits.problem.stale':
    'Your sign-in took too long, or was started in another browser or tab. For your security, it has to start again.',
  'benefits.problem.notCompleted':
    'We could not complete your sign-in with the answer the identity provider sent.',
  'benefits.problem.whatNext': 'What you can do',
  'benefits.problem.tryAgain': 'Try again',
  'benefits.problem.goHome': 'Go to the home page',
  'benefits.problem.otherWays': 'Other ways to reach us',
  'benefits.banner': 'A demonstration website, not a government service',
};
