// English messages for recovery (merged into the catalog by catalog.ts): password reset,
// account reset when every authentication method is lost, and deleting an account.
export const enRecovery = {
  'idp.recovery.forgot.title': 'Forgot your password?',
  'idp.recovery.forgot.lead':
    'Enter the email address you use to sign in. We will email you a link to choose a new password.',
  'idp.recovery.forgot.submit': 'Send reset link',
  'idp.recovery.forgot.backToSignIn': 'Back to sign in',
  'idp.recovery.forgot.limited':
    'We have sent a lot of emails to this address. Wait {minutes} minutes and try again.',

  'idp.recovery.sent.title': 'Check your email',
  'idp.recovery.sent.body':
    'We sent an email to {email}. If there is an account with this address, the email has a link to reset your password. The link works once, for {minutes} minutes.',
  'idp.recovery.sent.notReceived': 'Didn’t get it? Check your spam folder, or',
  'idp.recovery.sent.again': 'send another email',

  'idp.recovery.newPassword.title': 'Choose a new password',
  'idp.recovery.newPassword.lead': 'Choose a new password for {email}.',
  'idp.recovery.newPassword.keepsMethods':
    'Your authentication methods stay the same. You will still need one to sign in.',
  'idp.recovery.newPassword.password': 'New password',
  'idp.recovery.newPassword.confirm': 'Confirm new password',
  'idp.recovery.newPassword.submit': 'Change password',
  'idp.recovery.newPassword.signOutNote': 'For your security, we will sign you out everywhere.',

  'idp.recovery.changed.title': 'Your password was changed',
  'idp.recovery.changed.body': 'We signed you out everywhere. Sign in with your new password.',

  'idp.recovery.link.unknown.title': 'This link doesn’t work',
  'idp.recovery.link.unknown.body':
    'We could not find this link. Check that you copied the whole link from the email, or get a new one.',
  'idp.recovery.link.expired.title': 'This link has expired',
  'idp.recovery.link.expired.body':
    'Links to reset your password work for {minutes} minutes. Get a new link and use it soon.',
  'idp.recovery.link.used.title': 'This link was already used',
  'idp.recovery.link.used.body':
    'Each link works only once. If you already changed your password, sign in with it. If not, get a new link.',
  'idp.recovery.link.replaced.title': 'This link was replaced',
  'idp.recovery.link.replaced.body':
    'You asked for a newer link, so this one no longer works. Use the link in the most recent email, or get a new one.',
  'idp.recovery.link.sendNew': 'Send a new link',

  'idp.recovery.reset.title': 'Reset your account',
  'idp.recovery.reset.lead':
    'If you can’t use any of your authentication methods, you can reset your account. If you can still use one of them, sign in with it instead.',
  'idp.recovery.reset.stepsTitle': 'What happens next',
  'idp.recovery.reset.step1':
    'We email you right away. If you didn’t ask for this, you can cancel from that email.',
  'idp.recovery.reset.step2': 'For your security, you wait {hours} hours.',
  'idp.recovery.reset.step3':
    'Then you choose: delete your account, or remove your authentication methods and set up new ones.',
  'idp.recovery.reset.confirmLead': 'First, confirm it’s you with your email address and password.',
  'idp.recovery.reset.signedInAs': 'You are resetting the account for {email}.',
  'idp.recovery.reset.submit': 'Reset my account',
  'idp.recovery.reset.passwordLimited': 'Too many tries. Wait {minutes} minutes and try again.',

  'idp.recovery.requested.title': 'Check your email',
  'idp.recovery.requested.body': 'We got your request to reset your account and sent an email to {email}.',
  'idp.recovery.requested.when': 'You can continue after {time}. We will email you then.',
  'idp.recovery.requested.notYou': 'If you didn’t ask for this, use the cancel link in the email.',

  'idp.recovery.wait.title': 'You can continue after {time}',
  'idp.recovery.wait.body':
    'For your security, you have to wait {hours} hours after asking to reset your account. Come back to this link after {time}, or wait for our email.',

  'idp.recovery.choose.title': 'Reset your account',
  'idp.recovery.choose.lead': 'The wait is over. Choose what to do with the account for {email}.',
  'idp.recovery.choose.methods.title': 'Remove my authentication methods',
  'idp.recovery.choose.methods.body':
    'Keep your account. We remove all your authentication methods and sign you out everywhere. The next time you sign in with your password, we ask you to set up a new method.',
  'idp.recovery.choose.methods.submit': 'Remove my methods',
  'idp.recovery.choose.delete.title': 'Delete my account',
  'idp.recovery.choose.delete.body':
    'Your account and its history are deleted for good. Agencies no longer get your information from it. Records agencies keep themselves, like your tax records, stay with them.',

  'idp.recovery.accountLink.unknown.body':
    'We could not find this link. Check that you copied the whole link from the email, or start a new request.',
  'idp.recovery.accountLink.expired.body':
    'The link to reset your account works for {hours} hours after the wait. Start a new request.',
  'idp.recovery.accountLink.used.body': 'This request was already completed. Each link works only once.',
  'idp.recovery.accountLink.cancelled.title': 'This request was cancelled',
  'idp.recovery.accountLink.cancelled.body':
    'This account reset request was cancelled, so its links no longer work. Your account has not changed.',
  'idp.recovery.accountLink.startNew': 'Start a new request',

  'idp.recovery.cancel.title': 'Cancel your account reset?',
  'idp.recovery.cancel.lead':
    'If you didn’t ask to reset your account, cancel the request. Your account stays as it is.',
  'idp.recovery.cancel.submit': 'Cancel the request',
  'idp.recovery.cancelled.title': 'Your request was cancelled',
  'idp.recovery.cancelled.body': 'Your account has not changed.',
  'idp.recovery.cancelled.notYou':
    'If you didn’t ask for the reset, someone may know your password. Change it now:',
  'idp.recovery.cancelled.resetPassword': 'Reset your password',

  'idp.recovery.methodsRemoved.title': 'Your authentication methods were removed',
  'idp.recovery.methodsRemoved.body':
    'We signed you out everywhere. Sign in with your email address and password, and we will ask you to set up a new authentication method.',

  'idp.recovery.delete.title': 'Delete your account',
  'idp.recovery.delete.warningTitle': 'This can’t be undone',
  'idp.recovery.delete.warning':
    'Your account, its sign-in methods and its history are deleted. Agencies no longer get your information from it. Records agencies keep themselves, like your tax records, stay with them.',
  'idp.recovery.delete.lead': 'To delete your account, enter your password.',
  'idp.recovery.delete.wrongPassword': 'That password is not right. Check it and try again.',
  'idp.recovery.delete.submit': 'Delete my account',
  'idp.recovery.delete.keep': 'Keep my account',

  'idp.recovery.deleted.title': 'Your account was deleted',
  'idp.recovery.deleted.body':
    'We deleted your account and signed you out. We sent a confirmation to your email address.',
  'idp.recovery.deleted.again': 'You can create a new account at any time.',

  'idp.recovery.email.reset.subject': 'Reset your password',
  'idp.recovery.email.reset.body':
    'Someone (hopefully you) asked to reset the password for your account. To choose a new password, open this link within {minutes} minutes:\n\n{link}\n\nThe link works once. If you didn’t ask for this, you can ignore this email. Your password has not changed.',
  'idp.recovery.email.noAccount.subject': 'Password reset request',
  'idp.recovery.email.noAccount.body':
    'Someone asked to reset a password for this email address, but there is no account with this address.\n\nIf this was you, you may have created your account with a different email address. Or you can create an account:\n\n{link}\n\nIf this wasn’t you, you can ignore this email.',
  'idp.recovery.email.requested.subject': 'You asked to reset your account',
  'idp.recovery.email.requested.body':
    'You asked to reset your account because you can’t use any of your authentication methods.\n\nFor your security, you have to wait {hours} hours. After {time}, open this link to continue:\n\n{continueLink}\n\nWe will also email you when you can continue. The link works until {expires}.\n\nIf this wasn’t you, cancel the request now:\n\n{cancelLink}\n\nThen reset your password, because someone may know it.',
  'idp.recovery.email.ready.subject': 'You can now reset your account',
  'idp.recovery.email.ready.body':
    'The wait is over. Open this link to delete your account, or to remove your authentication methods and set up new ones:\n\n{continueLink}\n\nThe link works until {expires}.\n\nIf you didn’t ask to reset your account, cancel the request now:\n\n{cancelLink}',
  'idp.recovery.email.cancelled.subject': 'Your account reset was cancelled',
  'idp.recovery.email.cancelled.body':
    'The request to reset your account was cancelled. Your account has not changed.\n\nIf you didn’t ask for the reset, someone may know your password. Reset it from the sign-in page.',
  'idp.recovery.email.deleted.subject': 'Your account was deleted',
  'idp.recovery.email.deleted.body':
    'Your account was deleted. You can no longer sign in with it, and agencies no longer get your information from it. Records agencies keep themselves, like your tax records, are not affected.\n\nYou can create a new account at any time.\n\nIf you didn’t delete your account, someone knew your password and could read your email. Change your email password.',
} as const;
