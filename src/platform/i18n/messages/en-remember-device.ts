// English messages for "Remember this browser" (merged into the catalog by catalog.ts).
export const enRememberDevice = {
  'idp.remember.label': 'Remember this browser for {days} days',
  'idp.remember.hint':
    'Only agencies that allow it will then sign you in on this browser with your password alone; the others still ask for an authentication method. Do not check this on a shared or public computer.',
  'idp.remember.title': 'Remembered browsers',
  'idp.remember.none': 'No browser is remembered.',
  'idp.remember.countOne': 'One browser is remembered.',
  'idp.remember.countMany': '{count} browsers are remembered.',
  'idp.remember.explain':
    'On a remembered browser, agencies that allow it only ask for your password. Other agencies, and this account page, still ask for an authentication method.',
  'idp.remember.forgetAll': 'Forget all remembered browsers',
  'idp.remember.forgotten':
    'Every remembered browser was forgotten. Signing in on any of them will ask for an authentication method again.',
  'idp.event.remembered_browsers_forgotten': 'Remembered browsers forgotten',
  'idp.notice.email.subject.remembered_browsers_forgotten': 'Your remembered browsers were forgotten',
  'idp.notice.email.lead.remembered_browsers_forgotten':
    'Every browser remembered for your account was forgotten. Signing in on any of them will ask for an authentication method again.',
} as const;
