// English text of the "confirm your address" letter (identity verification by mail): the PDF
// that apps/identity/src/verification/confirm/address-letter-pdf.ts renders. Placeholders:
// {provider} the identity provider's name, {name} the recipient, {date} a formatted date,
// {url} where to enter the code.
export const enIdvLetter = {
  'idv.letter.pdfTitle': 'Confirm your address — {provider}',
  'idv.letter.senderLine': 'Identity verification',
  'idv.letter.title': 'Confirm your address',
  'idv.letter.greeting': 'Dear {name},',
  'idv.letter.intro':
    'Someone asked {provider} to verify their identity using this address. If that was you, enter the confirmation code below to finish. It shows that you get mail at this address.',
  'idv.letter.codeLabel': 'Your confirmation code',
  'idv.letter.expires': 'This code expires on {date}. After that, you will need to ask for a new letter.',
  'idv.letter.howHeading': 'How to use your code',
  'idv.letter.howStep1': 'Go to {url} and sign in.',
  'idv.letter.howStep2': 'Enter the confirmation code exactly as it is printed above.',
  'idv.letter.notYouHeading': 'Didn’t ask for this?',
  'idv.letter.notYouBody':
    'If you did not ask to verify your identity, do not enter the code or share it with anyone. Report this letter to {provider}. Nobody can finish verifying with this address without the code.',
  'idv.letter.neverAsks':
    '{provider} never asks for your password, codes or other sign-in details by email, text message or phone call. Only enter this code at the web address in step 1.',
  'idv.letter.signOff': 'Sincerely,',
  'idv.letter.footer':
    'This letter was sent by {provider} on {date}. Keep it until you have entered your code.',
};
