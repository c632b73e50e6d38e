// English messages for identity-verification error codes (merged into the catalog by catalog.ts):
// the numbered error page, its ways forward, and the public help page listing every code.
// Codes and their alternatives: apps/identity/src/verification/flow/idv-error-catalog.ts.
export const enIdvErrors = {
  'idv.error.heading': 'Error {code}: {title}',
  'idv.error.whatHappened': 'What happened',
  'idv.error.reasonDetail': 'What we found: {reason}',
  'idv.error.retryAfter': 'You can try again after {time}.',
  'idv.error.whatToTry': 'What you can try',
  'idv.error.otherWays': 'Other ways forward',
  'idv.error.offlineTitle': 'Get your tax records without verifying online',
  'idv.error.offlineLead':
    'You don’t need to verify your identity here to get a transcript of your tax records.',
  'idv.error.notAvailableYet': 'Not available yet',
  'idv.error.helpTitle': 'If you contact support',
  'idv.error.reference': 'Reference: {reference}',
  'idv.error.referenceHint':
    'Give support this reference. It tells them what happened without any of your personal information.',
  'idv.error.allCodes': 'All error codes and what they mean',
  'idv.error.agency.title': 'Go back to {agency}',
  'idv.error.agency.body':
    'You can stop here. We will tell {agency} only that you did not finish verifying your identity, with error {code}.',
  'idv.error.agency.button': 'Return to {agency}',

  'idv.error.action.tryAgain': 'Try again',
  'idv.error.action.anotherDocument': 'Try with a different ID',
  'idv.error.action.checkDetails': 'Check my details and try again',
  'idv.error.action.sendLetter': 'Send me a letter instead',
  'idv.error.action.sendNewLetter': 'Send me a new letter',
  'idv.error.action.startAgain': 'Start again',

  'idv.error.documentNotVerified.title': 'We could not verify your ID',
  'idv.error.documentNotVerified.cause':
    'We checked your ID and could not confirm that it is valid. This can happen when it has expired, is damaged, was not issued by the United States or a U.S. state, or when the front and the barcode on the back do not agree.',
  'idv.error.documentNotVerified.try':
    'Try again with a different ID. If you don’t have another one, use one of the other ways below.',

  'idv.error.recordsNotMatched.title': 'We could not match your details to official records',
  'idv.error.recordsNotMatched.cause':
    'We could not match your name, date of birth, Social Security number or ITIN, and address to official records. This often happens after a move or a name change, or because of a typo.',
  'idv.error.recordsNotMatched.try':
    'Check each detail. Use your name as it is on your Social Security card and the address on your most recent tax return, then try again.',

  'idv.error.documentAttemptsExceeded.title': 'Too many tries to check your ID',
  'idv.error.documentAttemptsExceeded.cause':
    'To protect you, you can send photos of your ID only a few times in a few hours. You reached that limit.',
  'idv.error.documentAttemptsExceeded.try':
    'Wait, then try again, with a different ID if you have one. Until then, you can use one of the other ways below.',

  'idv.error.recordsAttemptsExceeded.title': 'Too many tries to match your details',
  'idv.error.recordsAttemptsExceeded.cause':
    'To protect you, we can check your details against official records only a few times in a few hours. You reached that limit.',
  'idv.error.recordsAttemptsExceeded.try': 'Wait, then check every detail carefully before you try again.',

  'idv.error.tinAttemptsExceeded.title': 'Too many tries to enter your SSN or ITIN',
  'idv.error.tinAttemptsExceeded.cause':
    'To protect you, a Social Security number or ITIN can be entered only a few times in an hour. You reached that limit.',
  'idv.error.tinAttemptsExceeded.try':
    'Wait, then enter the number exactly as it is on your Social Security card or ITIN letter.',

  'idv.error.selfieAttemptsExceeded.title': 'Your selfie did not match your ID',
  'idv.error.selfieAttemptsExceeded.cause':
    'After three selfies, we could not confirm that they show the person in the photo on your ID, taken live. Poor light, glasses, or a worn or old ID photo can cause this.',
  'idv.error.selfieAttemptsExceeded.try':
    'You can’t take more selfies now. Use a different ID with a clearer photo, or one of the other ways below.',

  'idv.error.duplicatePerson.title': 'This SSN or ITIN is already used by another verified account',
  'idv.error.duplicatePerson.cause':
    'Each person can have only one verified account, and another account is already verified with this Social Security number or ITIN.',
  'idv.error.duplicatePerson.try':
    'If that account is yours, sign in to it. If you can’t get into it, recover it. If you didn’t create it, report identity theft.',

  'idv.error.recordsUnavailable.title': 'We could not reach the records service',
  'idv.error.recordsUnavailable.cause':
    'The service that checks your details against official records did not answer. This is a problem on our side, not something you did.',
  'idv.error.recordsUnavailable.try': 'Try again in a few minutes.',

  'idv.error.analysisUnavailable.title': 'We could not check your photos right now',
  'idv.error.analysisUnavailable.cause':
    'The service that checks the photos of your ID and your selfie could not run. This is a problem on our side, not something you did.',
  'idv.error.analysisUnavailable.try':
    'Try again later. If it keeps happening, use one of the other ways below.',

  'idv.error.phoneNotConfirmed.title': 'We could not confirm your address with your phone',
  'idv.error.phoneNotConfirmed.cause':
    'We could not confirm that this phone number is in your name, or you reached the limit of tries to confirm a phone.',
  'idv.error.phoneNotConfirmed.try':
    'Confirm your address with a letter by mail instead. We mail a code to your address, and you enter it here when it arrives.',

  'idv.error.letterCodeFailed.title': 'The code from your letter did not work',
  'idv.error.letterCodeFailed.cause':
    'The code in your letter has expired, or it was entered wrong too many times.',
  'idv.error.letterCodeFailed.try':
    'Ask for a new letter. When it arrives, enter the new code. Codes from older letters no longer work.',

  'idv.error.videoUnavailable.title': 'Video calls with an agent are not available yet',
  'idv.error.videoUnavailable.cause':
    'Verifying your identity on a video call with a trained agent is not available yet on this site.',
  'idv.error.videoUnavailable.try': 'Use one of the other ways below.',

  'idv.error.detailsDoNotMatchDocument.title': 'Your details do not match your ID',
  'idv.error.detailsDoNotMatchDocument.cause':
    'The name or date of birth you entered is different from the one on your ID.',
  'idv.error.detailsDoNotMatchDocument.try':
    'Enter your name and date of birth exactly as they are on your ID, then try again. If your name changed, use an ID that shows your current name.',

  'idv.error.journeyExpired.title': 'Your verification session expired',
  'idv.error.journeyExpired.cause':
    'The time to finish ran out, so we deleted what you had sent, to protect your privacy.',
  'idv.error.journeyExpired.try': 'Start again from the beginning. Have your ID and your phone ready.',

  'idv.error.reason.documentExpired': 'Your ID has expired.',
  'idv.error.reason.underMinimumAge': 'You must be at least 18 to verify your identity online.',
  'idv.error.reason.birthDateInFuture': 'The date of birth on the ID is not possible.',
  'idv.error.reason.documentNotAccepted':
    'Only IDs issued by the United States or a U.S. state can be used here.',
  'idv.error.reason.issuerMismatch': 'The information about who issued the ID does not agree.',
  'idv.error.reason.printedNameMismatch':
    'The name printed on the front does not match the barcode on the back.',
  'idv.error.reason.printedDateOfBirthMismatch':
    'The date of birth printed on the front does not match the barcode on the back.',
  'idv.error.reason.barcodeFieldsMissing':
    'The barcode on the back is missing information that a valid license or ID must have.',
  'idv.error.reason.faceMismatch': 'Your selfie does not match the photo on your ID.',
  'idv.error.reason.requiredCheckNotMade': 'We could not complete every check your ID needs.',

  'idv.error.alt.anotherDocument.title': 'Use a different ID',
  'idv.error.alt.anotherDocument.body':
    'You can use a driver’s license, a state ID card, a U.S. passport or a U.S. passport card. It must be valid and issued by the United States or a U.S. state.',
  'idv.error.alt.anotherDocument.link': 'Choose a different ID',
  'idv.error.alt.retakePhotos.title': 'Take the photos again',
  'idv.error.alt.retakePhotos.body':
    'Use good, even light and a plain dark background. Keep the whole ID in the frame, sharp and without glare.',
  'idv.error.alt.retakePhotos.link': 'Take new photos',
  'idv.error.alt.videoAgent.title': 'Verify on a video call with an agent',
  'idv.error.alt.videoAgent.body':
    'A trained agent checks your documents with you on a video call. This is for people who cannot take photos or whose photos did not work.',
  'idv.error.alt.videoAgent.link': 'Set up a video call',
  'idv.error.alt.mailLetter.title': 'Confirm your address by mail instead of phone',
  'idv.error.alt.mailLetter.body':
    'We mail a letter with a code to your address. It can take up to 10 days to arrive. Then sign in and enter the code.',
  'idv.error.alt.mailLetter.link': 'Send me a letter',
  'idv.error.alt.transcriptByMail.title': 'Get a tax transcript by mail',
  'idv.error.alt.transcriptByMail.body':
    'Fill out Form 4506-T and send it as its instructions say. The transcript is mailed to the address on your most recent tax return in 5 to 10 days.',
  'idv.error.alt.transcriptByMail.link': 'Form 4506-T, Request for Transcript of Tax Return',
  'idv.error.alt.transcriptByPhone.title': 'Get a tax transcript by phone',
  'idv.error.alt.transcriptByPhone.body':
    'Call the automated transcript line at {phone} and follow the prompts. The transcript is mailed to the address on your most recent tax return in 5 to 10 days.',
  'idv.error.alt.transcriptByPhone.link': 'Call {phone}',
  'idv.error.alt.tryLater.title': 'Try again later',
  'idv.error.alt.tryLater.body': 'Wait a little while, then try again.',
  'idv.error.alt.tryLater.bodyAt': 'You can try again after {time}.',
  'idv.error.alt.signInOtherAccount.title': 'Sign in to your verified account',
  'idv.error.alt.signInOtherAccount.body':
    'If the other account is yours, use it: it is already verified. If you lost access to it, you can recover it.',
  'idv.error.alt.signInOtherAccount.link': 'Sign in to your other account',
  'idv.error.alt.signInOtherAccount.recover': 'Recover your other account',
  'idv.error.alt.reportIdentityTheft.title': 'Didn’t create that account? Report identity theft',
  'idv.error.alt.reportIdentityTheft.body':
    'Someone may be using your information. Report it to the tax agency and to the Federal Trade Commission. They will tell you what to do next.',
  'idv.error.alt.reportIdentityTheft.taxAgencyLink': 'Identity Theft Central (tax agency)',
  'idv.error.alt.reportIdentityTheft.ftcLink': 'IdentityTheft.gov (Federal Trade Commission)',
  'idv.error.alt.startAgain.title': 'Start again',
  'idv.error.alt.startAgain.body': 'Start identity verification again from the beginning.',
  'idv.error.alt.startAgain.link': 'Start identity verification',

  'idv.error.index.title': 'Identity verification: help and error codes',
  'idv.error.index.lead':
    'If identity verification did not work, the page shows an error number. Find it below to see what it means and what you can do. There is always another way forward.',
  'idv.error.index.optionsTitle': 'Ways to verify your identity',
  'idv.error.index.camera.title': 'With your camera, or by uploading photos',
  'idv.error.index.camera.body':
    'Take photos of the front and back of your driver’s license or state ID, or of your U.S. passport, and then a selfie. You can also upload photos of your ID you already took.',
  'idv.error.index.phone.title': 'Continue on your phone',
  'idv.error.index.phone.body':
    'If your computer has no camera, you can continue on your phone and take the photos there.',
  'idv.error.index.noPhotosTitle': 'If you cannot take photos',
  'idv.error.index.noPhotosLead': 'You can still get what you need in one of these ways:',
  'idv.error.index.inPerson.title': 'Get help in person',
  'idv.error.index.inPerson.body':
    'Make an appointment at a Taxpayer Assistance Center. Bring a photo ID and your Social Security card or ITIN letter.',
  'idv.error.index.codesTitle': 'Error codes',
} as const;
