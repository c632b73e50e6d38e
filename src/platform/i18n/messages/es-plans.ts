// Planes de pagos en la cuenta tributaria (ver en-plans.ts).
import type { enPlans } from './en-plans.ts';

export const esPlans: Record<keyof typeof enPlans, string> = {
  'acct.plan.title': 'Plan de pagos',
  'acct.plan.continue': 'Continuar',
  'acct.plan.back': 'Atrás',
  'acct.plan.cancel': 'Cancelar',
  'acct.plan.link.payments': 'Pagos',
  'acct.plan.link.home': 'Volver a su cuenta',

  'acct.plan.kind.short_term': 'Plan de pagos a corto plazo',
  'acct.plan.kind.long_term': 'Plan de pagos a largo plazo (acuerdo de pagos a plazos)',
  'acct.plan.type.short_term': 'Plan de pagos a corto plazo',
  'acct.plan.type.long_term_direct_debit': 'Plan de pagos a largo plazo, con débito directo',
  'acct.plan.type.long_term': 'Plan de pagos a largo plazo',
  'acct.plan.status.active': 'Al día',
  'acct.plan.status.default_warning': 'Pago no recibido: en riesgo de incumplimiento',
  'acct.plan.status.defaulted': 'En incumplimiento (terminado)',
  'acct.plan.status.superseded': 'Reemplazado por una revisión',
  'acct.plan.status.completed': 'Pagado por completo',
  'acct.plan.feeKind.short_term': 'plan a corto plazo, por internet',
  'acct.plan.feeKind.long_term_direct_debit': 'plan a largo plazo, débito directo, por internet',
  'acct.plan.feeKind.long_term_other': 'plan a largo plazo, otro método de pago, por internet',
  'acct.plan.feeKind.revision': 'cambio a un plan, por internet',
  'acct.plan.feeKind.revision_direct_debit': 'cambio a un plan con débito directo, por internet',

  'acct.plan.method.self': 'Usted hace cada pago mensual (cuenta bancaria, tarjeta, cheque o giro postal)',
  'acct.plan.method.directDebitEnding': 'Débito directo de la cuenta que termina en {last4}',
  'acct.plan.method.directDebitAccount': 'Débito directo de su cuenta {type} que termina en {last4}',
  'acct.plan.dayOfMonth': 'El día {day} de cada mes',

  'acct.plan.field.status': 'Estado',
  'acct.plan.field.type': 'Plan',
  'acct.plan.field.monthly': 'Pago mensual',
  'acct.plan.field.day': 'Vencimiento del pago',
  'acct.plan.field.first': 'Primer pago',
  'acct.plan.field.payBy': 'Pague todo a más tardar el',
  'acct.plan.field.count': 'Número de pagos',
  'acct.plan.field.method': 'Cómo paga',
  'acct.plan.field.fee': 'Cargo por el acuerdo',
  'acct.plan.field.years': 'Años tributarios del plan',
  'acct.plan.field.owed': 'Cantidad adeudada al hacer el plan',
  'acct.plan.field.version': 'Versión del acuerdo',
  'acct.plan.col.due': 'Vence el',
  'acct.plan.col.amount': 'Cantidad',

  'acct.plan.fee.none': 'Ninguno',
  'acct.plan.fee.waived': '$0.00 (exento: bajos ingresos)',
  'acct.plan.fee.reduced': '{fee} (reducido: bajos ingresos)',
  'acct.plan.fee.reducedReimbursable':
    '{fee} (reducido: bajos ingresos; se le reembolsa al completar el plan, si reúne los requisitos)',
  'acct.plan.fee.lowIncomeApplied': '(tarifa para bajos ingresos)',

  'acct.plan.done.created': 'Su plan de pagos quedó establecido',
  'acct.plan.done.revised': 'Su plan de pagos fue modificado',
  'acct.plan.done.duplicate': 'Usted ya aceptó este acuerdo. Aquí está su plan; no se estableció dos veces.',
  'acct.plan.done.refused':
    'No pudimos aceptar este acuerdo: ya tiene un plan de pagos, o el plan que estaba modificando terminó o fue modificado mientras tanto.',
  'acct.plan.done.email': 'Enviamos un resumen del acuerdo a {email}.',

  'acct.plan.current.lead': 'Usted tiene un plan de pagos (acuerdo de pagos a plazos) aceptado el {date}.',
  'acct.plan.current.accrues':
    'Las multas y los intereses se siguen acumulando hasta que pague todo. Mientras el plan esté vigente, la multa por pagar tarde se reduce al 0.25% al mes.',
  'acct.plan.next.title': 'Sus próximos pagos',
  'acct.plan.next.caption': 'Próximos pagos según su acuerdo',
  'acct.plan.next.none': 'No quedan pagos programados según su acuerdo.',
  'acct.plan.next.directDebit':
    'Retiramos cada pago de su cuenta bancaria en su fecha de vencimiento. Los intereses se siguen acumulando, así que los pagos continúan hasta que su saldo esté pagado por completo.',
  'acct.plan.next.self':
    'Haga cada pago a más tardar en su fecha de vencimiento desde la página de Pagos, con tarjeta o con cheque. Los intereses se siguen acumulando, así que siga pagando hasta que su saldo esté pagado por completo.',
  'acct.plan.agreement.title': 'Su acuerdo',
  'acct.plan.agreement.link': 'Su acuerdo de pagos a plazos (PDF)',
  'acct.plan.revise.title': 'Modificar su plan',
  'acct.plan.revise.lead':
    'Puede cambiar el pago mensual o el día de pago, o pasar a débito directo. Cada cambio tiene un cargo de $10.',
  'acct.plan.revise.leadDirectDebit':
    'Puede cambiar el pago mensual o el día de pago. Los cambios a un plan con débito directo son gratuitos.',
  'acct.plan.revise.button': 'Modificar su plan',
  'acct.plan.revise.formTitle': 'Modificar su plan de pagos',
  'acct.plan.revise.formLead': 'Su plan ahora: {type}, {amount} al mes, con vencimiento el día {day}.',
  'acct.plan.revise.convert': 'Pasar a débito directo de una cuenta bancaria',
  'acct.plan.revise.convertHint': 'Retiramos cada pago mensual de su cuenta en su fecha de vencimiento.',
  'acct.plan.revise.fee': 'El cargo por este cambio es de {fee}.',
  'acct.plan.revise.feeNone': 'Los cambios a un plan con débito directo son gratuitos.',
  'acct.plan.history.title': 'Versiones de su acuerdo',
  'acct.plan.history.accepted': 'Aceptado',
  'acct.plan.history.agreement': 'Acuerdo',
  'acct.plan.history.pdf': 'Versión {version} (PDF)',

  'acct.plan.warning.title': 'No recibimos un pago',
  'acct.plan.warning.text':
    'Le enviamos un aviso (CP523). Pague los {amount} que faltan a más tardar el {date}, o su plan terminará y podremos cobrar todo el saldo, incluso mediante embargo.',
  'acct.plan.warning.textNoDate':
    'Pague los {amount} que faltan lo antes posible, o su plan terminará y podremos cobrar todo el saldo.',
  'acct.plan.warning.pay': 'Hacer un pago',

  'acct.plan.legacy.lead': 'Usted tiene un plan de pagos (acuerdo de pagos a plazos) desde el {date}.',
  'acct.plan.legacy.terms': '{type}: {amount} al mes, con vencimiento el día {day} de cada mes.',
  'acct.plan.legacy.years': 'Años tributarios del plan: {years}.',
  'acct.plan.legacy.change':
    'Este plan se estableció por teléfono, por correo o en persona, así que no se puede modificar por internet. Llámenos para modificarlo.',

  'acct.plan.ended.defaulted':
    'Su plan de pagos anterior terminó el {date} porque no se hicieron pagos (incumplimiento). Puede solicitar uno nuevo.',
  'acct.plan.ended.completed': 'Su plan de pagos anterior quedó pagado por completo el {date}.',
  'acct.plan.apply.owed': 'Lo que debe hoy ({date}):',
  'acct.plan.apply.nothingOwed': 'Hoy no debe nada, así que no necesita un plan de pagos.',
  'acct.plan.apply.lead':
    'Si no puede pagar todo hoy, un plan de pagos le permite pagar con el tiempo. Esto es lo que puede solicitar hoy.',
  'acct.plan.apply.eligible': 'Puede solicitarlo por internet.',
  'acct.plan.apply.notEligible': 'No está disponible para usted por internet:',
  'acct.plan.apply.shortTerm': 'Pague todo en pagos mensuales a más tardar el {date} (180 días).',
  'acct.plan.apply.shortTermFee': 'Sin cargo.',
  'acct.plan.apply.longTerm': 'Pagos mensuales durante un máximo de 72 meses, de al menos {amount} al mes.',
  'acct.plan.apply.longTermNoMinimum': 'Pagos mensuales durante un máximo de 72 meses.',
  'acct.plan.apply.longTermFee':
    'Cargo: $22 con débito directo, $69 si paga de otra forma. Bajos ingresos: débito directo gratis; de otra forma, $43.',
  'acct.plan.apply.directDebitRequired': 'Como debe más de $25,000, tiene que pagar con débito directo.',
  'acct.plan.apply.button': 'Solicitar un plan de pagos',
  'acct.plan.apply.otherOptions':
    'No puede establecer un plan por internet. Llámenos: podemos hablar de otras opciones, como un plan después de revisar su situación económica.',

  'acct.plan.options.title': 'Elija su plan de pagos',
  'acct.plan.options.lead': 'Hoy debe {amount} por los años tributarios {years}.',
  'acct.plan.options.planType': 'Tipo de plan',
  'acct.plan.options.shortTermHint': 'Pague todo a más tardar el {date}. Sin cargo.',
  'acct.plan.options.longTermHint':
    'Hasta 72 pagos mensuales. Cargo de $22 con débito directo; de otra forma, $69.',
  'acct.plan.options.monthly': 'Pago mensual',
  'acct.plan.options.monthlyHint': 'En dólares estadounidenses, por ejemplo 250.00.',
  'acct.plan.options.monthlyHintShort': 'Corto plazo: al menos {amount} al mes.',
  'acct.plan.options.monthlyHintLong': 'Largo plazo: al menos {amount} al mes.',
  'acct.plan.options.day': 'Día de pago',
  'acct.plan.options.dayHint':
    'El día del mes en que vence cada pago, del 1 al 28. El primer pago es al menos 30 días después de hoy.',
  'acct.plan.options.dayHintRevise': 'El día del mes en que vence cada pago, del 1 al 28.',
  'acct.plan.options.method': 'Cómo va a pagar',
  'acct.plan.options.methodHintRequired':
    'Debe más de $25,000: un plan a largo plazo tiene que pagarse con débito directo.',
  'acct.plan.options.directDebit': 'Débito directo de mi cuenta bancaria',
  'acct.plan.options.directDebitHint':
    'Retiramos cada pago en su fecha de vencimiento. El cargo más bajo, y no se olvida ningún pago.',
  'acct.plan.options.self': 'Yo haré cada pago mensual',
  'acct.plan.options.selfHint': 'Desde la página de Pagos, con tarjeta o con cheque.',
  'acct.plan.options.feeNote': 'Verá el cargo y todo el acuerdo antes de aceptarlo.',
  'acct.plan.lowIncome.legend': 'Bajos ingresos',
  'acct.plan.lowIncome.label':
    'Mi ingreso bruto ajustado es igual o inferior al 250% de las pautas federales de pobreza',
  'acct.plan.lowIncome.hint':
    'El cargo queda exento o reducido. Lo verificamos con su declaración más reciente; si no reúne los requisitos, se aplica el cargo normal.',
  'acct.plan.lowIncome.verified':
    'Usted indicó que tiene bajos ingresos. Lo verificaremos con su declaración más reciente.',

  'acct.plan.bank.title': 'Su cuenta bancaria para el débito directo',
  'acct.plan.bank.lead': 'Retiramos cada pago mensual de esta cuenta en su fecha de vencimiento.',

  'acct.plan.review.title': 'Revise y acepte su acuerdo',
  'acct.plan.review.titleRevise': 'Revise y acepte su acuerdo modificado',
  'acct.plan.review.lead': 'Lea el acuerdo. No se establece nada hasta que lo acepte.',
  'acct.plan.review.change': 'Cambiar',
  'acct.plan.review.scheduleCaption': 'Sus primeros {count} pagos',
  'acct.plan.review.agreementTitle': 'El acuerdo',
  'acct.plan.review.agreementLead':
    'El acuerdo de pagos a plazos indica las condiciones, todos sus pagos y lo que usted acepta. Ábralo y léalo antes de aceptarlo.',
  'acct.plan.review.agreementLink': 'Leer el acuerdo (PDF)',
  'acct.plan.review.fingerprint': 'Huella digital del acuerdo (SHA-256): {sha}',
  'acct.plan.review.agree': 'Acepto las condiciones de este acuerdo de pagos a plazos',
  'acct.plan.review.accept': 'Aceptar y establecer el plan',
  'acct.plan.review.acceptRevise': 'Aceptar el plan modificado',
  'acct.plan.review.termsChanged':
    'Las condiciones cambiaron desde la última vez que las vio (cambió su saldo o la fecha). Revise el acuerdo actualizado y vuelva a aceptarlo.',

  'acct.plan.error.title': 'Corrija lo siguiente',
  'acct.plan.error.plan_type_missing': 'Elija un plan a corto o a largo plazo.',
  'acct.plan.error.nothing_owed': 'No debe nada, así que no necesita un plan de pagos.',
  'acct.plan.error.short_term_over_limit': 'Un plan a corto plazo es para cantidades menores de $100,000.',
  'acct.plan.error.long_term_over_limit':
    'Un plan a largo plazo por internet es para cantidades de hasta $50,000.',
  'acct.plan.error.returns_not_filed':
    'Un plan a largo plazo requiere que haya presentado todas sus declaraciones de impuestos. Preséntelas primero.',
  'acct.plan.error.monthly_missing': 'Escriba el pago mensual.',
  'acct.plan.error.monthly_invalid': 'Escriba el pago mensual en dólares y centavos, por ejemplo 250.00.',
  'acct.plan.error.monthly_not_positive': 'Escriba un pago mensual mayor de $0.00.',
  'acct.plan.error.monthly_below_minimum': 'El pago mensual debe ser de al menos {amount}.',
  'acct.plan.error.short_term_too_low':
    'Para pagar todo a más tardar el {date}, pague al menos {amount} al mes.',
  'acct.plan.error.short_term_no_date':
    'Ningún pago en ese día cabe antes del {date}. Elija un día de pago más temprano o un plan a largo plazo.',
  'acct.plan.error.csed_passed':
    'No podemos establecer un plan por internet para estos años tributarios. Llámenos.',
  'acct.plan.error.payment_day_missing': 'Escriba el día de pago, del 1 al 28.',
  'acct.plan.error.payment_day_range': 'El día de pago debe ser un número entero del 1 al 28.',
  'acct.plan.error.pay_method_missing': 'Elija cómo va a pagar.',
  'acct.plan.error.direct_debit_required':
    'Debe más de {amount}: un plan a largo plazo tiene que pagarse con débito directo.',
  'acct.plan.error.nothing_changed': 'Cambie el pago mensual, el día de pago o cómo paga, o cancele.',
  'acct.plan.error.fee_unknown': 'Hoy no podemos calcular el cargo. Inténtelo más tarde o llámenos.',
  'acct.plan.error.agree_missing': 'Marque «Acepto» para aceptar el acuerdo, o cancele.',

  'acct.plan.email.created.subject': 'Su plan de pagos quedó establecido',
  'acct.plan.email.revised.subject': 'Su plan de pagos fue modificado',
  'acct.plan.email.default_warning.subject': 'No recibimos un pago de su plan de pagos (aviso CP523)',
  'acct.plan.email.defaulted.subject': 'Su plan de pagos terminó (incumplimiento)',
  'acct.plan.email.completed.subject': 'Su plan de pagos está pagado por completo',
  'acct.plan.email.created.headline': 'Usted aceptó un acuerdo de pagos a plazos. Este es un resumen.',
  'acct.plan.email.revised.headline':
    'Usted aceptó un acuerdo de pagos a plazos modificado. Este es un resumen.',
  'acct.plan.email.terms':
    '{headline}\n\nPlan: {type}\nPago mensual: {amount}\nVencimiento: el día {day} de cada mes\nPrimer pago: {first}\nCómo paga: {method}\nCargo: {fee}\nAños tributarios: {years}\nHuella digital del acuerdo (SHA-256): {sha}\n\nVea su plan y el acuerdo: {url}\n\nNunca le pediremos su contraseña, códigos ni datos bancarios por correo electrónico, mensaje de texto o teléfono.',
  'acct.plan.email.default_warning.body':
    'No recibimos {amount} que vencían según su plan de pagos. Le enviamos el aviso CP523.\n\nPague lo que falta a más tardar el {date}, o su plan terminará (incumplimiento) y podremos cobrar todo el saldo, incluso mediante embargo.\n\nVea su plan y pague: {url}',
  'acct.plan.email.defaulted.body':
    'Su plan de pagos terminó porque no se hicieron pagos (incumplimiento). La multa por pagar tarde vuelve a su tasa completa y podemos cobrar todo el saldo, incluso mediante embargo. Puede solicitar un nuevo plan por internet.\n\nVea su cuenta: {url}',
  'acct.plan.email.completed.body':
    'Pagó por completo el saldo de su plan de pagos. Gracias. El plan terminó.\n\nVea su cuenta: {url}',
};
