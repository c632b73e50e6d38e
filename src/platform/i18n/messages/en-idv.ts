// English messages for the identity-verification journey (merged into the catalog by catalog.ts).
// The numbered error pages have their own file (en-idv-errors.ts).
export const enIdv = {
  'idv.progress': 'Step {step} of {total}',
  'idv.back': 'Back',
  'idv.continue': 'Continue',
  'idv.help.link': 'Help with verifying your identity',
  'idv.cancel': 'Cancel and return',

  'idv.welcome.title': 'Verify your identity',
  'idv.welcome.agency': '{agency} needs to know it is really you before you can see your tax information.',
  'idv.welcome.lead':
    'Verifying your identity protects your tax information. It takes about 10 minutes, and you only do it once: every agency that trusts this service can use it.',
  'idv.welcome.needHeading': 'What you need',
  'idv.welcome.needId':
    'A U.S. driver’s license, state ID card, U.S. passport book or passport card. It must not be expired.',
  'idv.welcome.needSsn':
    'Your Social Security number (SSN) or Individual Taxpayer Identification Number (ITIN).',
  'idv.welcome.needPhone': 'A phone in your name, or time to receive a letter at your address.',
  'idv.welcome.needCamera':
    'A phone or computer with a camera, or photos of your ID and of your face that you upload.',
  'idv.welcome.collectHeading': 'What we collect and why',
  'idv.welcome.collectBody':
    'We read your name, date of birth and address from your ID and match the photo on it to a selfie. We check your details against official records, and confirm your address by phone or by mail.',
  'idv.welcome.protectHeading': 'How we protect it',
  'idv.welcome.protectBody':
    'Photos of your ID and your face, and the face measurements taken from them, are deleted as soon as we have checked them. Your verified details are encrypted with your password; only you can unlock them. We never sell your information.',
  'idv.welcome.consent':
    'I agree that my ID, my photo and my details may be checked to verify my identity, as described above.',
  'idv.welcome.consentRequired': 'Check the box to agree before you continue.',
  'idv.welcome.cannotPhoto':
    'Can’t take or upload photos? See the other ways to verify your identity, or to get your tax records without verifying online.',

  'idv.how.title': 'How do you want to add your ID?',
  'idv.how.thisDevice': 'On this device',
  'idv.how.thisDeviceHint': 'Use this device’s camera, or upload photos you already have.',
  'idv.how.phone': 'Continue on your phone',
  'idv.how.phoneHint':
    'We send a link to your phone, or you scan a code. Phone cameras take the clearest photos.',
  'idv.how.video': 'A video call with an agent',
  'idv.how.videoUnavailable':
    'Not available yet. You can use your ID with this device or your phone, or see the other ways to get help.',
  'idv.how.required': 'Choose how you want to add your ID.',

  'idv.handoff.title': 'Continue on your phone',
  'idv.handoff.lead': 'Scan this code with your phone’s camera, or we can text you a link.',
  'idv.handoff.qrAlt': 'A QR code that opens the link on your phone',
  'idv.handoff.phoneLabel': 'Your phone number',
  'idv.handoff.phoneHint': 'A U.S. number, for example (217) 555-0142.',
  'idv.handoff.send': 'Text me a link',
  'idv.handoff.sent': 'We texted a link to {phone}. It works for 15 minutes.',
  'idv.handoff.phoneInvalid': 'Enter a U.S. phone number with area code.',
  'idv.handoff.waiting': 'Waiting for your phone…',
  'idv.handoff.opened':
    'Your phone opened the link. Take the photos there; this page will move on by itself.',
  'idv.handoff.analysing': 'Your phone sent the photos. We are checking them.',
  'idv.handoff.checkAgain': 'Check progress',
  'idv.handoff.useThisDevice': 'Use this device instead',
  'idv.handoff.sms':
    'Use this link to add your ID and verify your identity: {url} It works for 15 minutes. If you didn’t ask for it, ignore this message.',
  'idv.handoff.limited':
    'We have sent several links already. Wait {minutes} minutes, or scan the code instead.',

  'idv.idType.title': 'Which ID will you use?',
  'idv.idType.lead': 'It must be current (not expired). We read it with your camera or from a photo.',
  'idv.idType.drivers_license': 'Driver’s license',
  'idv.idType.state_id': 'State ID card',
  'idv.idType.passport': 'U.S. passport book',
  'idv.idType.passport_card': 'U.S. passport card',
  'idv.idType.required': 'Choose the ID you will use.',

  'idv.document.title': 'Add photos of your ID',
  'idv.document.lead':
    'Put your ID on a dark, flat surface in good light. Fit all four corners in the photo, with no glare and no fingers over it.',
  'idv.document.front': 'Front of your ID',
  'idv.document.frontHint': 'The side with your photo. JPEG, PNG or WebP, up to 15 MB.',
  'idv.document.back': 'Back of your ID',
  'idv.document.backHint': 'The side with the barcode. JPEG, PNG or WebP, up to 15 MB.',
  'idv.document.passportPage': 'Your passport’s photo page',
  'idv.document.passportPageHint':
    'Open the passport flat. Include the two lines of letters and numbers at the bottom.',
  'idv.document.missingFront': 'Add a photo of the front of your ID.',
  'idv.document.missingBack': 'Add a photo of the back of your ID.',
  'idv.document.tooLarge': 'This photo is too large. Use one under 15 MB.',
  'idv.document.retakeHeading': 'Please take the photos again',
  'idv.document.attemptsLeft': 'You can try {count} more times in the next 6 hours.',
  'idv.document.changeType': 'Use a different ID',

  'idv.selfie.title': 'Take a photo of your face',
  'idv.selfie.lead':
    'We compare it with the photo on your ID. Face the camera in good light, without a hat or sunglasses, and make sure only you are in the picture.',
  'idv.selfie.label': 'Photo of your face',
  'idv.selfie.hint': 'Use your camera, or upload a recent photo of your face. JPEG, PNG or WebP.',
  'idv.selfie.missing': 'Add a photo of your face.',
  'idv.selfie.failures': 'Tries left for the photo of your face: {count}.',
  'idv.selfie.submit': 'Check my photos',

  'idv.camera.useCamera': 'Use your camera',
  'idv.camera.take': 'Take photo',
  'idv.camera.retake': 'Retake',
  'idv.camera.holdSteady': 'Hold steady…',
  'idv.camera.captured': 'Photo taken',
  'idv.camera.denied': 'We can’t use your camera. Choose a file instead.',
  'idv.camera.tooBlurry': 'Too blurry. Hold still.',

  'idv.processing.title': 'Checking your photos',
  'idv.processing.lead': 'This usually takes a few seconds. Please keep this page open.',
  'idv.processing.status': 'Reading your ID and comparing your photos…',
  'idv.processing.noScript':
    'It usually takes a few seconds. Use the button below to see whether we are done.',
  'idv.processing.checkAgain': 'Check again',
  'idv.processing.timeout':
    'This is taking longer than it should. Check again, or come back later: your place is saved.',

  'idv.mobile.doneTitle': 'Go back to your computer',
  'idv.mobile.doneBody': 'We have your photos. Continue on your computer; you can close this page.',
  'idv.mobile.linkInvalid':
    'This link has expired or was already replaced. Ask for a new link on your computer.',

  'idv.details.title': 'Enter your personal details',
  'idv.details.lead':
    'Enter them as the tax agency has them, for example as on your last tax return. We filled in what we could read from your ID; check it.',
  'idv.details.givenName': 'First name',
  'idv.details.familyName': 'Last name',
  'idv.details.dob': 'Date of birth',
  'idv.details.dobHint': 'For example: 4 28 1986',
  'idv.details.month': 'Month',
  'idv.details.day': 'Day',
  'idv.details.year': 'Year',
  'idv.details.tinType': 'Your taxpayer identification number is',
  'idv.details.ssn': 'A Social Security number (SSN)',
  'idv.details.itin': 'An Individual Taxpayer Identification Number (ITIN)',
  'idv.details.tin': 'SSN or ITIN',
  'idv.details.tinHint': 'Nine digits, for example 123-45-6789. An ITIN starts with 9.',
  'idv.details.showTin': 'Show the number',
  'idv.details.addressHeading': 'Your home address',
  'idv.details.addressHint': 'Where you live now. If the address on your ID is old, enter your current one.',
  'idv.details.street': 'Street address',
  'idv.details.street2': 'Apartment, unit or suite (optional)',
  'idv.details.city': 'City',
  'idv.details.state': 'State, territory or military post (two letters)',
  'idv.details.postalCode': 'ZIP code',
  'idv.details.submit': 'Check my details',
  'idv.details.checking': 'We check your details against official records. It takes a few seconds.',
  'idv.details.problem.required': 'This is required.',
  'idv.details.problem.name_invalid': 'Use letters, spaces, hyphens and apostrophes only.',
  'idv.details.problem.date_invalid': 'Enter a real date: month 1–12, day 1–31, and a four-digit year.',
  'idv.details.problem.date_future': 'Your date of birth can’t be in the future.',
  'idv.details.problem.under_age': 'You must be at least 18 to verify your identity online.',
  'idv.details.problem.tin_type_required': 'Choose SSN or ITIN.',
  'idv.details.problem.tin_format': 'Enter nine digits, for example 123-45-6789.',
  'idv.details.problem.ssn_area_invalid':
    'This isn’t a valid SSN: the first three digits can’t be 000, 666 or 900–999. If it starts with 9, choose ITIN.',
  'idv.details.problem.ssn_group_invalid': 'This isn’t a valid SSN: the middle two digits can’t be 00.',
  'idv.details.problem.ssn_serial_invalid': 'This isn’t a valid SSN: the last four digits can’t be 0000.',
  'idv.details.problem.itin_range_invalid':
    'This isn’t a valid ITIN: an ITIN starts with 9 and its 4th and 5th digits are 50–65, 70–88, 90–92 or 94–99.',
  'idv.details.problem.irsn_not_accepted':
    'This looks like an IRS number (IRSN), which can’t be used to verify your identity. Use your SSN or ITIN.',
  'idv.details.problem.atin_not_accepted':
    'This looks like an adoption number (ATIN), which can’t be used to verify your identity. Use your SSN or ITIN.',
  'idv.details.problem.street_missing': 'Enter your street address.',
  'idv.details.problem.city_missing': 'Enter your city.',
  'idv.details.problem.state_invalid': 'Enter a two-letter state code, for example IL.',
  'idv.details.problem.zip_invalid': 'Enter a five-digit ZIP code, or ZIP+4.',
  'idv.details.documentMismatch.name': 'The name you entered is not the name on your ID.',
  'idv.details.documentMismatch.date_of_birth': 'The date of birth you entered is not the one on your ID.',
  'idv.details.recordsMismatch':
    'We couldn’t match these details with official records. Check each one against your last tax return. You can try {count} more times in the next 6 hours.',

  'idv.address.title': 'Confirm your address',
  'idv.address.lead':
    'We confirm that {address} is yours with a code: by text message to a phone in your name, or in a letter to this address.',
  'idv.address.byPhone': 'By text message to a phone in my name (fastest)',
  'idv.address.byPhoneHint': 'A mobile phone billed in your name, not a prepaid or work phone.',
  'idv.address.phoneLabel': 'Phone number',
  'idv.address.byMail': 'By a letter to my address',
  'idv.address.byMailHint': 'It arrives in 3 to 7 days. The code in it works for 30 days.',
  'idv.address.required': 'Choose how to confirm your address.',
  'idv.address.phoneInvalid': 'Enter a U.S. phone number with area code.',
  'idv.address.notOwner':
    'We couldn’t confirm that this phone is in your name. Try another phone, or confirm by mail instead.',
  'idv.address.phoneAttemptsLeft': 'You can try {count} more phone numbers in the next 6 hours.',
  'idv.address.sms':
    'Your code to confirm your address is {code}. It works for 10 minutes. We will never call you to ask for it.',

  'idv.code.title': 'Enter your code',
  'idv.code.phoneLead': 'We texted a 6-digit code to {phone}. It works for 10 minutes.',
  'idv.code.mailLead':
    'We mailed a letter to {address} on {date}. It arrives in 3 to 7 days. Enter the code from the letter here; it works until {expires}. Your progress is saved: sign in and come back when the letter arrives.',
  'idv.code.label': 'Code',
  'idv.code.phoneHint': 'Six digits.',
  'idv.code.mailHint': 'Ten letters and digits, for example ABCD-1234-EF.',
  'idv.code.wrong': 'That code is not right. Check it and try again. Tries left: {count}.',
  'idv.code.expired': 'That code has expired. Ask for a new one.',
  'idv.code.resendPhone': 'Text me a new code',
  'idv.code.resendMail': 'Send me a new letter',
  'idv.code.switch': 'Confirm my address another way',
  'idv.code.submit': 'Confirm',

  'idv.password.title': 'Re-enter your password',
  'idv.password.lead':
    'Your verified details will be encrypted with your password, so only you can unlock them. We also give you a personal key in case you forget your password.',
  'idv.password.label': 'Password',
  'idv.password.wrong': 'That is not your password. Try again.',
  'idv.password.submit': 'Finish verifying',

  'idv.personalKey.title': 'Save your personal key',
  'idv.personalKey.lead':
    'If you forget your password, you will need this key to unlock your verified identity without verifying again. We show it only once.',
  'idv.personalKey.keyLabel': 'Your personal key',
  'idv.personalKey.howToKeep':
    'Write it down or print this page, and keep it somewhere safe, apart from your password. Never share it: we will never ask you for it by email, text or phone.',
  'idv.personalKey.acknowledge': 'I have saved my personal key somewhere safe.',
  'idv.personalKey.acknowledgeRequired': 'Check the box to confirm you saved your personal key.',
  'idv.personalKey.gone':
    'Your personal key was shown once and can’t be shown again. If you didn’t save it, you can get a new one from your account page.',

  'idv.done.title': 'You verified your identity',
  'idv.done.body': 'Agencies that trust this service can now see that it is you, when you allow them to.',
  'idv.done.facialMatch': 'Your photo matched your ID.',
  'idv.done.toAgency': 'Continue to {agency}',
  'idv.done.toAccount': 'Go to your account',

  'idv.retake.image_unreadable': 'We couldn’t open one of the photos. Take or upload it again.',
  'idv.retake.image_unsupported_format': 'Use a JPEG, PNG or WebP photo.',
  'idv.retake.image_too_large': 'One photo is too large. Use a photo under 15 MB.',
  'idv.retake.image_too_small':
    'A photo is too small to read. Move closer so your ID fills most of the picture, or use a higher-resolution photo.',
  'idv.retake.image_blurry': 'A photo is blurry. Hold the camera still and let it focus.',
  'idv.retake.image_glare': 'There is glare on your ID. Move away from direct light or tilt the ID slightly.',
  'idv.retake.card_not_found':
    'We couldn’t find your ID in the photo. Put it on a dark surface and fit all four corners in the picture.',
  'idv.retake.barcode_not_found':
    'We couldn’t read the barcode on the back. Make sure the whole barcode is in the photo, sharp and without glare.',
  'idv.retake.barcode_unparseable':
    'We couldn’t read the barcode on the back. Take the photo again, closer and sharper.',
  'idv.retake.mrz_not_found':
    'We couldn’t find the two lines of letters and numbers at the bottom of the photo page. Include them, flat and sharp.',
  'idv.retake.mrz_check_digit_failed':
    'We couldn’t read the lines at the bottom of the photo page clearly. Take the photo again, flat and without glare.',
  'idv.retake.document_type_mismatch':
    'The photos don’t look like the ID you chose. Check the ID type, or use the right sides of your ID.',
  'idv.retake.portrait_not_found':
    'We couldn’t see the photo of you on your ID. Take the front again, without glare.',
  'idv.retake.portrait_multiple_faces':
    'We saw more than one face on the front of your ID. Take only your ID.',
  'idv.retake.selfie_no_face': 'We couldn’t see your face. Face the camera in good light.',
  'idv.retake.selfie_multiple_faces': 'Only you should be in the photo of your face.',
  'idv.retake.selfie_not_live':
    'The photo of your face must be taken live, not a photo of a photo or of a screen. Take it again with your camera.',
  'idv.retake.face_mismatch':
    'Your photo didn’t match the photo on your ID. Take it again in good light, facing the camera, without glasses or a hat.',
  'idv.retake.analysis_unavailable': 'We couldn’t check your photos just now. Please add them again.',
  'idv.retake.generic': 'We couldn’t check your photos. Please take them again.',
  'idv.retake.allAgain':
    'For your privacy we deleted the photos after checking them, so please add all of them again.',

  'idv.unlock.title': 'Unlock your verified identity',
  'idv.unlock.lead':
    'Your verified details are encrypted with your password. Enter it to share them with {agency}.',
  'idv.unlock.submit': 'Unlock and continue',

  'idv.reactivate.title': 'Enter your personal key',
  'idv.reactivate.lead':
    'You reset your password, so your verified identity is locked. Enter the personal key you saved when you verified, and your password, to unlock it.',
  'idv.reactivate.key': 'Personal key',
  'idv.reactivate.keyHint': '16 letters and numbers, for example 7KQ2-M9XA-3PRT-W4HZ.',
  'idv.reactivate.password': 'Your current password',
  'idv.reactivate.wrong': 'That personal key or password is not right. Check them and try again.',
  'idv.reactivate.lost':
    'Lost your personal key? You can verify your identity again; it replaces the locked one.',
  'idv.reactivate.verifyAgain': 'Verify my identity again',
  'idv.reactivate.submit': 'Unlock',
  'idv.reactivate.limited': 'Too many tries. Wait {minutes} minutes and try again.',

  'idp.event.identity_verified': 'Identity verified',
  'idp.notice.email.subject.identity_verified': 'You verified your identity',
  'idp.notice.email.lead.identity_verified':
    'Your identity was verified for your account. Agencies that trust this service can now see that it is you, when you allow them to.',
  'idp.event.identity_reactivated': 'Verified identity unlocked with the personal key',
  'idp.notice.email.subject.identity_reactivated': 'Your verified identity was unlocked',
  'idp.notice.email.lead.identity_reactivated':
    'Your personal key was used to unlock your verified identity after a password reset, and a new personal key was issued.',
  'idv.account.status': 'Identity',
  'idv.account.verified': 'Verified on {date}',
  'idv.account.verifiedFacial': 'Verified with a photo match on {date}',
  'idv.account.notVerified': 'Not verified',
  'idv.account.verifyNow': 'Verify your identity',
  'idv.account.continue': 'Continue verifying your identity',
  'idv.account.locked': 'Locked after a password reset',
  'idv.account.unlock': 'Enter your personal key',
} as const;
