// Federation: what the tax account says when the identity provider could not give it the
// identity level it needs, and the identity provider's federation documentation page.
export const enFederation = {
  'acct.unverified.title': 'Verify your identity to use your online account',
  'acct.unverified.lead':
    'You signed in, but your online account shows tax information, so the identity provider must first confirm that you are who you say you are (identity verification).',
  'acct.unverified.why':
    'This protects you: nobody can see or change your tax records with only an email address and a password.',
  'acct.unverified.stoppedWithCode':
    'Identity verification was not completed (error {code}). You can try again, or use one of the other ways below.',
  'acct.unverified.howTitle': 'How to verify',
  'acct.unverified.how':
    'Verify your identity with the identity provider: a photo of your driver’s license, state ID or passport and a selfie, about 10 minutes, on your computer or your phone. Choose “Try signing in again” to continue where you left off. You only do this once; every agency that trusts the provider accepts it.',
  'acct.unverified.howUnavailable':
    'Online identity verification is not open yet at this identity provider. Until it is, use one of the other ways below.',
  'acct.unverified.otherTitle': 'Other ways to get what you need',
  'acct.unverified.otherPhone':
    'By phone: call the number on your most recent notice; an assistor can tell you your balance and take a payment.',
  'acct.unverified.otherMail':
    'By mail: request a transcript of your tax records with Form 4506-T; it is mailed to your address of record in 5 to 10 days.',
  'acct.unverified.otherInPerson':
    'In person: make an appointment at a Taxpayer Assistance Center and bring a photo ID and your SSN or ITIN card or letter.',
  'acct.unverified.tryAgain': 'Try signing in again',
  'acct.signIn.levelNotMet':
    'The identity provider could not sign you in at the level this site requires. Try again, or use one of the other ways below.',
  'idp.phishingResistant.title': '{agency} asks for a passkey or security key',
  'idp.phishingResistant.lead':
    '{agency} only accepts a sign-in with a passkey or security key, because they cannot be tricked by fake websites.',
  'idp.phishingResistant.hasKey':
    'You have one on your account. Sign in again and choose your passkey or security key as the second step.',
  'idp.phishingResistant.noKey':
    'Your account does not have one yet. Add a passkey or security key to your account, then sign in to {agency} again.',
  'idp.phishingResistant.signInAgain': 'Sign in again with my key',
  'idp.phishingResistant.addKey': 'Add a passkey or security key',
  'idp.phishingResistant.back': 'Go back to {agency}',
} as const;
