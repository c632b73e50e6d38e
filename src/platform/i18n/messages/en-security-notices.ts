// English messages for security-notices (merged into the catalog by catalog.ts).
export const enSecurityNotices = {
  'idp.notice.email.subject.account_created': 'Your account was created',
  'idp.notice.email.subject.sign_in': 'New sign-in to your account',
  'idp.notice.email.subject.sign_in_failed_mfa': 'Wrong security codes were entered on your account',
  'idp.notice.email.subject.password_changed': 'Your password was changed',
  'idp.notice.email.subject.mfa_added': 'A sign-in method was added to your account',
  'idp.notice.email.subject.mfa_removed': 'A sign-in method was removed from your account',
  'idp.notice.email.subject.mfa_renamed': 'A sign-in method on your account was renamed',
  'idp.notice.email.subject.signed_out_everywhere': 'Your account was signed out everywhere',
  'idp.notice.email.lead.account_created': 'An account was created with this email address.',
  'idp.notice.email.lead.sign_in': 'Someone signed in to your account from a device we have not seen before.',
  'idp.notice.email.lead.sign_in_failed_mfa':
    'Someone entered your password correctly, then entered a wrong security code 3 times within an hour. If this was not you, someone else knows your password.',
  'idp.notice.email.lead.password_changed': 'The password for your account was changed.',
  'idp.notice.email.lead.mfa_added':
    'A new authentication method was added to your account. It can now be used to sign in.',
  'idp.notice.email.lead.mfa_removed': 'An authentication method was removed from your account.',
  'idp.notice.email.lead.mfa_renamed': 'An authentication method on your account was given a new nickname.',
  'idp.notice.email.lead.signed_out_everywhere': 'Your account was signed out on every device.',
  'idp.notice.email.when': 'When: {time}',
  'idp.notice.email.device': 'Device: {device}',
  'idp.notice.email.unknownDevice': 'Unknown device',
  'idp.notice.email.ifYou': 'If this was you, you do not need to do anything.',
  'idp.notice.email.notMe':
    'This wasn’t me: if you did not do this, open this link to lock your account right away. It signs your account out everywhere. The link works once, for {days} days.\n\n{link}',
  'idp.notice.email.reminder':
    'We will never ask for your password or security codes by email, text message or phone call. Never share them with anyone, even someone who says they work for us.',

  'idp.notice.confirm.title': 'Lock your account?',
  'idp.notice.confirm.lead': 'You are telling us you did not do this:',
  'idp.notice.confirm.what': 'What happened',
  'idp.notice.confirm.when': 'When',
  'idp.notice.confirm.device': 'Device',
  'idp.notice.confirm.explain':
    'Locking your account signs it out on every device and stops anyone, including you, from signing in until you reset your password.',
  'idp.notice.confirm.submit': 'Lock my account',
  'idp.notice.confirm.wasMe': 'If this was you, you do not need to do anything. You can close this page.',

  'idp.notice.locked.title': 'Your account is locked',
  'idp.notice.locked.body': 'Your account is locked. Reset your password to unlock it.',
  'idp.notice.locked.signedOut': 'We signed your account out on every device.',
  'idp.notice.locked.next':
    'After you reset your password, sign in and check your authentication methods. Remove any you do not recognize.',
  'idp.notice.locked.reset': 'Reset your password',
  'idp.notice.lockedSignIn':
    'Your account is locked because someone used the “This wasn’t me” link in one of our security emails. Reset your password to unlock it.',

  'idp.notice.link.unknown.title': 'We do not recognize this link',
  'idp.notice.link.unknown.body':
    'Check that you opened the whole link from the email. If you think someone else is using your account, reset your password now.',
  'idp.notice.link.expired.title': 'This link has expired',
  'idp.notice.link.expired.body':
    'Links in security emails work for 7 days. If you still think someone else is using your account, reset your password now.',
  'idp.notice.link.used.title': 'This link was already used',
  'idp.notice.link.used.body':
    'Each link works only once. If you used it to lock your account, reset your password to unlock it.',
  'idp.notice.email.subject.email_added': 'An email address was added to your account',
  'idp.notice.email.lead.email_added':
    'A new email address was confirmed on your account. It can now be used to sign in.',
  'idp.notice.email.subject.email_removed': 'An email address was removed from your account',
  'idp.notice.email.lead.email_removed': 'An email address was removed from your account.',
  'idp.notice.email.subject.agency_revoked': 'You stopped sharing your information with an agency',
  'idp.notice.email.lead.agency_revoked':
    'Your account stopped sharing your information with an agency (under “Connected agencies” on your account page). The agency will have to ask for your consent again the next time you sign in there.',
} as const;
