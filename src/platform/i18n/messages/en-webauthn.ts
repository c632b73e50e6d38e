// English messages for webauthn (merged into the catalog by catalog.ts).
export const enWebauthn = {
  'idp.webauthn.setup.title': 'Add a passkey or security key',
  'idp.webauthn.setup.lead':
    'A passkey lets you sign in with your face, fingerprint or screen lock. A security key is a small device you plug in or tap. Both stop fake websites from getting in.',
  'idp.webauthn.setup.howTo':
    'When you select the button, your browser asks where to save the passkey: on this device, on your phone, or on a security key. Follow its steps.',
  'idp.webauthn.setup.nicknameHint': 'So you can tell your keys apart, e.g. “Work laptop” or “Blue key”.',
  'idp.webauthn.setup.submit': 'Add passkey or security key',
  'idp.webauthn.auth.title': 'Use your passkey or security key',
  'idp.webauthn.auth.lead':
    'Select the button, then follow your browser’s steps: use your face, fingerprint or screen lock, or insert or tap your security key.',
  'idp.webauthn.auth.yourKeys': 'Passkeys and security keys on your account:',
  'idp.webauthn.auth.submit': 'Use passkey or security key',
  'idp.webauthn.noScript':
    'Passkeys and security keys need JavaScript, which is turned off or blocked in this browser. Turn JavaScript on, or choose another method.',
  'idp.webauthn.chooseAnother': 'Choose another method',
  'idp.webauthn.error.noResponse':
    'We did not get an answer from a passkey or security key. This needs JavaScript turned on. Try again, or choose another method.',
  'idp.webauthn.error.expired': 'That took too long, so we started again. Please try again.',
  'idp.webauthn.error.notAdded':
    'We could not add that passkey or security key. Try again, or choose another method.',
  'idp.webauthn.error.alreadyAdded':
    'That passkey or security key is already added. Use a different one, or choose another method.',
  'idp.webauthn.error.notRecognised':
    'That passkey or security key is not on your account. Try one you added before, or choose another method.',
  'idp.webauthn.error.signInFailed':
    'We could not confirm it’s you with that passkey or security key. Try again, or choose another method.',
} as const;
