// Payment plans in the tax account (Online Payment Agreement): the plan page, applying,
// revising, the review of the agreement, the errors and the emails.
export const enPlans = {
  'acct.plan.title': 'Payment plan',
  'acct.plan.continue': 'Continue',
  'acct.plan.back': 'Back',
  'acct.plan.cancel': 'Cancel',
  'acct.plan.link.payments': 'Payments',
  'acct.plan.link.home': 'Back to your account',

  'acct.plan.kind.short_term': 'Short-term payment plan',
  'acct.plan.kind.long_term': 'Long-term payment plan (installment agreement)',
  'acct.plan.type.short_term': 'Short-term payment plan',
  'acct.plan.type.long_term_direct_debit': 'Long-term payment plan, paid by direct debit',
  'acct.plan.type.long_term': 'Long-term payment plan',
  'acct.plan.status.active': 'In good standing',
  'acct.plan.status.default_warning': 'Payment missed: at risk of default',
  'acct.plan.status.defaulted': 'In default (ended)',
  'acct.plan.status.superseded': 'Replaced by a revision',
  'acct.plan.status.completed': 'Paid in full',
  'acct.plan.feeKind.short_term': 'short-term plan, online',
  'acct.plan.feeKind.long_term_direct_debit': 'long-term plan, direct debit, online',
  'acct.plan.feeKind.long_term_other': 'long-term plan, other payment method, online',
  'acct.plan.feeKind.revision': 'change to a plan, online',
  'acct.plan.feeKind.revision_direct_debit': 'change to a direct debit plan, online',

  'acct.plan.method.self': 'You pay each month yourself (bank account, card, check or money order)',
  'acct.plan.method.directDebitEnding': 'Direct debit from the account ending in {last4}',
  'acct.plan.method.directDebitAccount': 'Direct debit from your {type} account ending in {last4}',
  'acct.plan.dayOfMonth': 'Day {day} of each month',

  'acct.plan.field.status': 'Status',
  'acct.plan.field.type': 'Plan',
  'acct.plan.field.monthly': 'Monthly payment',
  'acct.plan.field.day': 'Payment due',
  'acct.plan.field.first': 'First payment',
  'acct.plan.field.payBy': 'Pay in full by',
  'acct.plan.field.count': 'Number of payments',
  'acct.plan.field.method': 'How you pay',
  'acct.plan.field.fee': 'User fee',
  'acct.plan.field.years': 'Tax years in the plan',
  'acct.plan.field.owed': 'Amount owed when the plan was made',
  'acct.plan.field.version': 'Agreement version',
  'acct.plan.col.due': 'Due date',
  'acct.plan.col.amount': 'Amount',

  'acct.plan.fee.none': 'None',
  'acct.plan.fee.waived': '$0.00 (waived: low income)',
  'acct.plan.fee.reduced': '{fee} (reduced: low income)',
  'acct.plan.fee.reducedReimbursable':
    '{fee} (reduced: low income; reimbursed when you complete the plan, if you qualify)',
  'acct.plan.fee.lowIncomeApplied': '(low-income rate)',

  'acct.plan.done.created': 'Your payment plan is set up',
  'acct.plan.done.revised': 'Your payment plan was changed',
  'acct.plan.done.duplicate':
    'You already accepted this agreement. Here is your plan; nothing was set up twice.',
  'acct.plan.done.refused':
    'We could not accept this agreement: you already have a payment plan, or the plan you were changing has ended or was changed in the meantime.',
  'acct.plan.done.email': 'We emailed a summary of the agreement to {email}.',

  'acct.plan.current.lead': 'You have a payment plan (installment agreement) accepted on {date}.',
  'acct.plan.current.accrues':
    'Penalties and interest keep accruing until you pay in full. While the plan is in force, the failure-to-pay penalty is reduced to 0.25% a month.',
  'acct.plan.next.title': 'Your next payments',
  'acct.plan.next.caption': 'Next payments under your agreement',
  'acct.plan.next.none': 'No more payments are scheduled under your agreement.',
  'acct.plan.next.directDebit':
    'We debit each payment from your bank account on its due date. Interest keeps accruing, so payments continue until your balance is paid in full.',
  'acct.plan.next.self':
    'Make each payment by its due date from the Payments page, by card, or by check. Interest keeps accruing, so keep paying until your balance is paid in full.',
  'acct.plan.agreement.title': 'Your agreement',
  'acct.plan.agreement.link': 'Your installment agreement (PDF)',
  'acct.plan.revise.title': 'Change your plan',
  'acct.plan.revise.lead':
    'You can change the monthly amount or the payment day, or switch to direct debit. A change costs a $10 user fee.',
  'acct.plan.revise.leadDirectDebit':
    'You can change the monthly amount or the payment day. Changes to a direct debit plan are free.',
  'acct.plan.revise.button': 'Revise your plan',
  'acct.plan.revise.formTitle': 'Change your payment plan',
  'acct.plan.revise.formLead': 'Your plan now: {type}, {amount} a month, due on day {day}.',
  'acct.plan.revise.convert': 'Switch to direct debit from a bank account',
  'acct.plan.revise.convertHint': 'We debit each monthly payment from your account on its due date.',
  'acct.plan.revise.fee': 'The user fee for this change is {fee}.',
  'acct.plan.revise.feeNone': 'Changes to a direct debit plan are free.',
  'acct.plan.history.title': 'Versions of your agreement',
  'acct.plan.history.accepted': 'Accepted',
  'acct.plan.history.agreement': 'Agreement',
  'acct.plan.history.pdf': 'Version {version} (PDF)',

  'acct.plan.warning.title': 'You missed a payment',
  'acct.plan.warning.text':
    'We sent you a notice (CP523). Pay the {amount} you missed by {date}, or your plan will end and we may collect the full balance, including by levy.',
  'acct.plan.warning.textNoDate':
    'Pay the {amount} you missed as soon as you can, or your plan will end and we may collect the full balance.',
  'acct.plan.warning.pay': 'Make a payment',

  'acct.plan.legacy.lead': 'You have a payment plan (installment agreement) since {date}.',
  'acct.plan.legacy.terms': '{type}: {amount} a month, due on day {day} of each month.',
  'acct.plan.legacy.years': 'Tax years in the plan: {years}.',
  'acct.plan.legacy.change':
    'This plan was set up by phone, by mail or in person, so it cannot be changed online. Call us to change it.',

  'acct.plan.ended.defaulted':
    'Your previous payment plan ended on {date} because payments were missed (default). You can apply for a new one.',
  'acct.plan.ended.completed': 'Your previous payment plan was paid in full on {date}.',
  'acct.plan.apply.owed': 'What you owe today ({date}):',
  'acct.plan.apply.nothingOwed': 'You do not owe anything today, so you do not need a payment plan.',
  'acct.plan.apply.lead':
    'If you cannot pay in full today, a payment plan lets you pay over time. Here is what you can apply for today.',
  'acct.plan.apply.eligible': 'You can apply online.',
  'acct.plan.apply.notEligible': 'Not available to you online:',
  'acct.plan.apply.shortTerm': 'Pay everything in monthly payments by {date} (180 days).',
  'acct.plan.apply.shortTermFee': 'No user fee.',
  'acct.plan.apply.longTerm': 'Monthly payments for up to 72 months, at least {amount} a month.',
  'acct.plan.apply.longTermNoMinimum': 'Monthly payments for up to 72 months.',
  'acct.plan.apply.longTermFee':
    'User fee: $22 by direct debit, $69 if you pay another way. Low income: direct debit free, otherwise $43.',
  'acct.plan.apply.directDebitRequired': 'Because you owe more than $25,000, you must pay by direct debit.',
  'acct.plan.apply.button': 'Apply for a payment plan',
  'acct.plan.apply.otherOptions':
    'You cannot set up a plan online. Call us: we can discuss other options, such as a plan after a review of your finances.',

  'acct.plan.options.title': 'Choose your payment plan',
  'acct.plan.options.lead': 'You owe {amount} today for tax years {years}.',
  'acct.plan.options.planType': 'Plan type',
  'acct.plan.options.shortTermHint': 'Pay everything by {date}. No user fee.',
  'acct.plan.options.longTermHint':
    'Up to 72 payments, one each month. User fee $22 by direct debit, $69 otherwise.',
  'acct.plan.options.monthly': 'Monthly payment',
  'acct.plan.options.monthlyHint': 'In U.S. dollars, for example 250.00.',
  'acct.plan.options.monthlyHintShort': 'Short-term: at least {amount} a month.',
  'acct.plan.options.monthlyHintLong': 'Long-term: at least {amount} a month.',
  'acct.plan.options.day': 'Payment day',
  'acct.plan.options.dayHint':
    'The day of the month each payment is due, from 1 to 28. The first payment is at least 30 days from today.',
  'acct.plan.options.dayHintRevise': 'The day of the month each payment is due, from 1 to 28.',
  'acct.plan.options.method': 'How you will pay',
  'acct.plan.options.methodHintRequired':
    'You owe more than $25,000: a long-term plan must be paid by direct debit.',
  'acct.plan.options.directDebit': 'Direct debit from my bank account',
  'acct.plan.options.directDebitHint':
    'We debit each payment on its due date. Lowest fee, and no payment is forgotten.',
  'acct.plan.options.self': 'I will pay each month myself',
  'acct.plan.options.selfHint': 'From the Payments page, by card, or by check.',
  'acct.plan.options.feeNote': 'You see the user fee and the whole agreement before you accept it.',
  'acct.plan.lowIncome.legend': 'Low income',
  'acct.plan.lowIncome.label':
    'My adjusted gross income is at or below 250% of the federal poverty guidelines',
  'acct.plan.lowIncome.hint':
    'The user fee is waived or reduced. We check this against your most recent return; if you do not qualify, the standard fee applies.',
  'acct.plan.lowIncome.verified':
    'You said you have a low income. We will verify it against your most recent return.',

  'acct.plan.bank.title': 'Your bank account for direct debit',
  'acct.plan.bank.lead': 'We debit each monthly payment from this account on its due date.',

  'acct.plan.review.title': 'Review and accept your agreement',
  'acct.plan.review.titleRevise': 'Review and accept your revised agreement',
  'acct.plan.review.lead': 'Read the agreement. Nothing is set up until you accept it.',
  'acct.plan.review.change': 'Change',
  'acct.plan.review.scheduleCaption': 'Your first {count} payments',
  'acct.plan.review.agreementTitle': 'The agreement',
  'acct.plan.review.agreementLead':
    'The installment agreement lists the terms, all your payments and the conditions you agree to. Open it and read it before you accept.',
  'acct.plan.review.agreementLink': 'Read the agreement (PDF)',
  'acct.plan.review.fingerprint': 'Agreement fingerprint (SHA-256): {sha}',
  'acct.plan.review.agree': 'I agree to the terms of this installment agreement',
  'acct.plan.review.accept': 'Accept and set up the plan',
  'acct.plan.review.acceptRevise': 'Accept the revised plan',
  'acct.plan.review.termsChanged':
    'The terms changed since you last saw them (your balance or the date changed). Review the updated agreement, then accept it again.',

  'acct.plan.error.title': 'Please fix the following',
  'acct.plan.error.plan_type_missing': 'Choose a short-term or a long-term plan.',
  'acct.plan.error.nothing_owed': 'You do not owe anything, so you do not need a payment plan.',
  'acct.plan.error.short_term_over_limit': 'A short-term plan is for amounts under $100,000.',
  'acct.plan.error.long_term_over_limit': 'A long-term plan online is for amounts up to $50,000.',
  'acct.plan.error.returns_not_filed':
    'A long-term plan needs all your required tax returns filed. File them first.',
  'acct.plan.error.monthly_missing': 'Enter the monthly payment.',
  'acct.plan.error.monthly_invalid': 'Enter the monthly payment in dollars and cents, for example 250.00.',
  'acct.plan.error.monthly_not_positive': 'Enter a monthly payment more than $0.00.',
  'acct.plan.error.monthly_below_minimum': 'The monthly payment must be at least {amount}.',
  'acct.plan.error.short_term_too_low': 'To pay everything by {date}, pay at least {amount} a month.',
  'acct.plan.error.short_term_no_date':
    'No payment on that day fits before {date}. Choose an earlier payment day or a long-term plan.',
  'acct.plan.error.csed_passed': 'We cannot set up a plan online for these tax years. Call us.',
  'acct.plan.error.payment_day_missing': 'Enter the payment day, from 1 to 28.',
  'acct.plan.error.payment_day_range': 'The payment day must be a whole number from 1 to 28.',
  'acct.plan.error.pay_method_missing': 'Choose how you will pay.',
  'acct.plan.error.direct_debit_required':
    'You owe more than {amount}: a long-term plan must be paid by direct debit.',
  'acct.plan.error.nothing_changed': 'Change the monthly payment, the payment day or how you pay, or cancel.',
  'acct.plan.error.fee_unknown': 'We cannot work out the user fee today. Try again later or call us.',
  'acct.plan.error.agree_missing': 'Select “I agree” to accept the agreement, or cancel.',

  'acct.plan.email.created.subject': 'Your payment plan is set up',
  'acct.plan.email.revised.subject': 'Your payment plan was changed',
  'acct.plan.email.default_warning.subject': 'You missed a payment on your payment plan (notice CP523)',
  'acct.plan.email.defaulted.subject': 'Your payment plan has ended (default)',
  'acct.plan.email.completed.subject': 'Your payment plan is paid in full',
  'acct.plan.email.created.headline': 'You accepted an installment agreement. Here is a summary.',
  'acct.plan.email.revised.headline': 'You accepted a revised installment agreement. Here is a summary.',
  'acct.plan.email.terms':
    '{headline}\n\nPlan: {type}\nMonthly payment: {amount}\nDue: day {day} of each month\nFirst payment: {first}\nHow you pay: {method}\nUser fee: {fee}\nTax years: {years}\nAgreement fingerprint (SHA-256): {sha}\n\nSee your plan and the agreement: {url}\n\nWe will never ask for your password, codes or bank details by email, text or phone.',
  'acct.plan.email.default_warning.body':
    'We did not receive {amount} due under your payment plan. We sent you notice CP523.\n\nPay what you missed by {date}, or your plan will end (default) and we may collect the full balance, including by levy.\n\nSee your plan and pay: {url}',
  'acct.plan.email.defaulted.body':
    'Your payment plan has ended because payments were missed (default). The failure-to-pay penalty is back to its full rate, and we may collect the full balance, including by levy. You can apply for a new plan online.\n\nSee your account: {url}',
  'acct.plan.email.completed.body':
    'You have paid the balance of your payment plan in full. Thank you. The plan has ended.\n\nSee your account: {url}',
};
