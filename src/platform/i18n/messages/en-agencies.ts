// English messages for agencies (merged into the catalog by catalog.ts): what an agency
// receives (the consent screen and "Connected agencies"), and stopping sharing with one.
export const enAgencies = {
  // One label per scope (federation/scopes.ts), the same on the consent screen and the account page.
  'idp.agencies.attribute.openid':
    'A unique identifier for you at this agency (not shared with other agencies)',
  'idp.agencies.attribute.email': 'Your email address',
  'idp.agencies.attribute.profileName': 'Your name',
  'idp.agencies.attribute.profileBirthdate': 'Your date of birth',
  'idp.agencies.attribute.profile': 'Your name and date of birth',
  'idp.agencies.attribute.address': 'Your address',
  'idp.agencies.attribute.phone': 'Your phone number',
  'idp.agencies.attribute.socialSecurityNumber': 'Your Social Security number or ITIN',
  'idp.agencies.onceVerified': '(once you verify your identity)',

  'idp.consent.remembered':
    'If you agree, we will remember your choice for one year, so {agency} will not ask again each time you sign in.',
  'idp.consent.revokeWhere':
    'You can stop sharing at any time under “Connected agencies” on your account page.',

  'idp.agencies.title': 'Connected agencies',
  'idp.agencies.lead':
    'You agreed to share information with these agencies. Each one receives it when you sign in there with this account.',
  'idp.agencies.none': 'You are not sharing your information with any agency.',
  'idp.agencies.receives': 'What it receives',
  'idp.agencies.grantedAt': 'Consent given',
  'idp.agencies.expiresAt': 'Consent expires',
  'idp.agencies.lastSignIn': 'Last sign-in',
  'idp.agencies.never': 'Never',
  'idp.agencies.revoke': 'Revoke',
  'idp.agencies.revoked':
    'You stopped sharing your information with {agency}. The agency will have to ask again next time.',

  'idp.agencies.confirm.title': 'Stop sharing with {agency}?',
  'idp.agencies.confirm.lead': '{agency} will no longer receive this information from your account:',
  'idp.agencies.confirm.askAgain':
    'The agency will have to ask again next time. Anything you already shared with it stays with the agency.',
  'idp.agencies.confirm.submit': 'Revoke',
  'idp.agencies.confirm.cancel': 'Keep sharing',
} as const;
