// Mensajes en español para los códigos de error de la verificación de identidad: exactamente las
// claves de en-idv-errors.ts.
import type { enIdvErrors } from './en-idv-errors.ts';

export const esIdvErrors: Record<keyof typeof enIdvErrors, string> = {
  'idv.error.heading': 'Error {code}: {title}',
  'idv.error.whatHappened': 'Qué pasó',
  'idv.error.reasonDetail': 'Lo que encontramos: {reason}',
  'idv.error.retryAfter': 'Puede intentarlo de nuevo después de: {time}.',
  'idv.error.whatToTry': 'Qué puede intentar',
  'idv.error.otherWays': 'Otras formas de seguir',
  'idv.error.offlineTitle': 'Obtenga sus registros tributarios sin verificar su identidad en línea',
  'idv.error.offlineLead':
    'No necesita verificar su identidad aquí para obtener una transcripción de sus registros tributarios.',
  'idv.error.notAvailableYet': 'Todavía no disponible',
  'idv.error.helpTitle': 'Si se comunica con soporte',
  'idv.error.reference': 'Referencia: {reference}',
  'idv.error.referenceHint':
    'Dé esta referencia a soporte. Les indica qué pasó sin incluir ninguno de sus datos personales.',
  'idv.error.allCodes': 'Todos los códigos de error y lo que significan',
  'idv.error.agency.title': 'Volver a {agency}',
  'idv.error.agency.body':
    'Puede detenerse aquí. Solo le diremos a {agency} que no terminó de verificar su identidad, con el error {code}.',
  'idv.error.agency.button': 'Volver a {agency}',

  'idv.error.action.tryAgain': 'Intentar de nuevo',
  'idv.error.action.anotherDocument': 'Intentar con otra identificación',
  'idv.error.action.checkDetails': 'Revisar mis datos e intentar de nuevo',
  'idv.error.action.sendLetter': 'Enviarme una carta en su lugar',
  'idv.error.action.sendNewLetter': 'Enviarme una carta nueva',
  'idv.error.action.startAgain': 'Empezar de nuevo',

  'idv.error.documentNotVerified.title': 'No pudimos verificar su identificación',
  'idv.error.documentNotVerified.cause':
    'Revisamos su identificación y no pudimos confirmar que sea válida. Esto puede pasar si está vencida o dañada, si no la emitió Estados Unidos o un estado de EE. UU., o si el frente y el código de barras del reverso no coinciden.',
  'idv.error.documentNotVerified.try':
    'Inténtelo de nuevo con otra identificación. Si no tiene otra, use una de las otras formas que aparecen abajo.',

  'idv.error.recordsNotMatched.title': 'No pudimos comparar sus datos con los registros oficiales',
  'idv.error.recordsNotMatched.cause':
    'No pudimos hacer coincidir su nombre, fecha de nacimiento, número de Seguro Social o ITIN y dirección con los registros oficiales. Esto pasa a menudo después de una mudanza o un cambio de nombre, o por un error al escribir.',
  'idv.error.recordsNotMatched.try':
    'Revise cada dato. Use su nombre como aparece en su tarjeta de Seguro Social y la dirección de su declaración de impuestos más reciente. Luego inténtelo de nuevo.',

  'idv.error.documentAttemptsExceeded.title': 'Demasiados intentos para revisar su identificación',
  'idv.error.documentAttemptsExceeded.cause':
    'Para protegerlo, solo puede enviar fotos de su identificación unas pocas veces en unas horas. Llegó a ese límite.',
  'idv.error.documentAttemptsExceeded.try':
    'Espere y luego inténtelo de nuevo, con otra identificación si tiene una. Mientras tanto, puede usar una de las otras formas que aparecen abajo.',

  'idv.error.recordsAttemptsExceeded.title': 'Demasiados intentos para comparar sus datos',
  'idv.error.recordsAttemptsExceeded.cause':
    'Para protegerlo, solo podemos comparar sus datos con los registros oficiales unas pocas veces en unas horas. Llegó a ese límite.',
  'idv.error.recordsAttemptsExceeded.try':
    'Espere y luego revise cada dato con cuidado antes de intentarlo de nuevo.',

  'idv.error.tinAttemptsExceeded.title': 'Demasiados intentos para escribir su SSN o ITIN',
  'idv.error.tinAttemptsExceeded.cause':
    'Para protegerlo, un número de Seguro Social o ITIN solo se puede escribir unas pocas veces en una hora. Llegó a ese límite.',
  'idv.error.tinAttemptsExceeded.try':
    'Espere y luego escriba el número exactamente como aparece en su tarjeta de Seguro Social o en su carta del ITIN.',

  'idv.error.selfieAttemptsExceeded.title': 'Su selfi no coincidió con su identificación',
  'idv.error.selfieAttemptsExceeded.cause':
    'Después de tres selfis, no pudimos confirmar que muestran, en vivo, a la persona de la foto de su identificación. La poca luz, los lentes o una foto de identificación gastada o antigua pueden causarlo.',
  'idv.error.selfieAttemptsExceeded.try':
    'Ahora no puede tomar más selfis. Use otra identificación con una foto más clara, o una de las otras formas que aparecen abajo.',

  'idv.error.duplicatePerson.title': 'Otra cuenta verificada ya usa este SSN o ITIN',
  'idv.error.duplicatePerson.cause':
    'Cada persona puede tener solo una cuenta verificada, y otra cuenta ya está verificada con este número de Seguro Social o ITIN.',
  'idv.error.duplicatePerson.try':
    'Si esa cuenta es suya, inicie sesión en ella. Si no puede entrar, recupérela. Si usted no la creó, denuncie el robo de identidad.',

  'idv.error.recordsUnavailable.title': 'No pudimos comunicarnos con el servicio de registros',
  'idv.error.recordsUnavailable.cause':
    'El servicio que compara sus datos con los registros oficiales no respondió. Es un problema de nuestra parte, no algo que usted hizo.',
  'idv.error.recordsUnavailable.try': 'Inténtelo de nuevo en unos minutos.',

  'idv.error.analysisUnavailable.title': 'No pudimos revisar sus fotos en este momento',
  'idv.error.analysisUnavailable.cause':
    'El servicio que revisa las fotos de su identificación y su selfi no pudo funcionar. Es un problema de nuestra parte, no algo que usted hizo.',
  'idv.error.analysisUnavailable.try':
    'Inténtelo de nuevo más tarde. Si sigue pasando, use una de las otras formas que aparecen abajo.',

  'idv.error.phoneNotConfirmed.title': 'No pudimos confirmar su dirección con su teléfono',
  'idv.error.phoneNotConfirmed.cause':
    'No pudimos confirmar que este número de teléfono está a su nombre, o llegó al límite de intentos para confirmar un teléfono.',
  'idv.error.phoneNotConfirmed.try':
    'Confirme su dirección con una carta por correo postal. Le enviamos un código a su dirección y usted lo escribe aquí cuando llegue.',

  'idv.error.letterCodeFailed.title': 'El código de su carta no funcionó',
  'idv.error.letterCodeFailed.cause': 'El código de su carta venció, o se escribió mal demasiadas veces.',
  'idv.error.letterCodeFailed.try':
    'Pida una carta nueva. Cuando llegue, escriba el código nuevo. Los códigos de cartas anteriores ya no funcionan.',

  'idv.error.videoUnavailable.title': 'Las videollamadas con un agente todavía no están disponibles',
  'idv.error.videoUnavailable.cause':
    'Todavía no se puede verificar la identidad en una videollamada con un agente capacitado en este sitio.',
  'idv.error.videoUnavailable.try': 'Use una de las otras formas que aparecen abajo.',

  'idv.error.detailsDoNotMatchDocument.title': 'Sus datos no coinciden con su identificación',
  'idv.error.detailsDoNotMatchDocument.cause':
    'El nombre o la fecha de nacimiento que escribió son diferentes de los de su identificación.',
  'idv.error.detailsDoNotMatchDocument.try':
    'Escriba su nombre y su fecha de nacimiento exactamente como aparecen en su identificación y vuelva a intentarlo. Si cambió de nombre, use una identificación con su nombre actual.',

  'idv.error.journeyExpired.title': 'Su sesión de verificación venció',
  'idv.error.journeyExpired.cause':
    'Se acabó el tiempo para terminar, así que borramos lo que había enviado para proteger su privacidad.',
  'idv.error.journeyExpired.try':
    'Empiece de nuevo desde el principio. Tenga a mano su identificación y su teléfono.',

  'idv.error.reason.documentExpired': 'Su identificación está vencida.',
  'idv.error.reason.underMinimumAge': 'Debe tener al menos 18 años para verificar su identidad en línea.',
  'idv.error.reason.birthDateInFuture': 'La fecha de nacimiento de la identificación no es posible.',
  'idv.error.reason.documentNotAccepted':
    'Aquí solo se aceptan identificaciones emitidas por Estados Unidos o un estado de EE. UU.',
  'idv.error.reason.issuerMismatch': 'Los datos de quién emitió la identificación no coinciden.',
  'idv.error.reason.printedNameMismatch':
    'El nombre impreso en el frente no coincide con el código de barras del reverso.',
  'idv.error.reason.printedDateOfBirthMismatch':
    'La fecha de nacimiento impresa en el frente no coincide con el código de barras del reverso.',
  'idv.error.reason.barcodeFieldsMissing':
    'Al código de barras del reverso le falta información que toda licencia o identificación válida debe tener.',
  'idv.error.reason.faceMismatch': 'Su selfi no coincide con la foto de su identificación.',
  'idv.error.reason.requiredCheckNotMade':
    'No pudimos completar todas las revisiones que necesita su identificación.',

  'idv.error.alt.anotherDocument.title': 'Use otra identificación',
  'idv.error.alt.anotherDocument.body':
    'Puede usar una licencia de conducir, una tarjeta de identificación estatal, un pasaporte de EE. UU. o una tarjeta pasaporte de EE. UU. Debe estar vigente y haber sido emitida por Estados Unidos o un estado de EE. UU.',
  'idv.error.alt.anotherDocument.link': 'Elegir otra identificación',
  'idv.error.alt.retakePhotos.title': 'Tome las fotos de nuevo',
  'idv.error.alt.retakePhotos.body':
    'Use una luz buena y pareja y un fondo liso y oscuro. Deje toda la identificación dentro del cuadro, nítida y sin reflejos.',
  'idv.error.alt.retakePhotos.link': 'Tomar fotos nuevas',
  'idv.error.alt.videoAgent.title': 'Verifique su identidad en una videollamada con un agente',
  'idv.error.alt.videoAgent.body':
    'Un agente capacitado revisa sus documentos con usted en una videollamada. Es para quienes no pueden tomar fotos o cuyas fotos no funcionaron.',
  'idv.error.alt.videoAgent.link': 'Programar una videollamada',
  'idv.error.alt.mailLetter.title': 'Confirme su dirección por correo postal en lugar de por teléfono',
  'idv.error.alt.mailLetter.body':
    'Le enviamos por correo postal una carta con un código. Puede tardar hasta 10 días en llegar. Luego inicie sesión y escriba el código.',
  'idv.error.alt.mailLetter.link': 'Enviarme una carta',
  'idv.error.alt.transcriptByMail.title': 'Pida una transcripción tributaria por correo postal',
  'idv.error.alt.transcriptByMail.body':
    'Llene el Formulario 4506-T y envíelo como indican sus instrucciones. La transcripción se envía a la dirección de su declaración de impuestos más reciente en 5 a 10 días.',
  'idv.error.alt.transcriptByMail.link':
    'Formulario 4506-T, Solicitud de transcripción de la declaración de impuestos',
  'idv.error.alt.transcriptByPhone.title': 'Pida una transcripción tributaria por teléfono',
  'idv.error.alt.transcriptByPhone.body':
    'Llame a la línea automatizada de transcripciones al {phone} y siga las indicaciones. La transcripción se envía a la dirección de su declaración de impuestos más reciente en 5 a 10 días.',
  'idv.error.alt.transcriptByPhone.link': 'Llamar al {phone}',
  'idv.error.alt.tryLater.title': 'Inténtelo más tarde',
  'idv.error.alt.tryLater.body': 'Espere un poco y luego inténtelo de nuevo.',
  'idv.error.alt.tryLater.bodyAt': 'Puede intentarlo de nuevo después de: {time}.',
  'idv.error.alt.signInOtherAccount.title': 'Inicie sesión en su cuenta verificada',
  'idv.error.alt.signInOtherAccount.body':
    'Si la otra cuenta es suya, úsela: ya está verificada. Si perdió el acceso, puede recuperarla.',
  'idv.error.alt.signInOtherAccount.link': 'Iniciar sesión en su otra cuenta',
  'idv.error.alt.signInOtherAccount.recover': 'Recuperar su otra cuenta',
  'idv.error.alt.reportIdentityTheft.title': '¿Usted no creó esa cuenta? Denuncie el robo de identidad',
  'idv.error.alt.reportIdentityTheft.body':
    'Puede que alguien esté usando su información. Denúncielo a la agencia tributaria y a la Comisión Federal de Comercio. Le dirán qué hacer después.',
  'idv.error.alt.reportIdentityTheft.taxAgencyLink':
    'Centro de robo de identidad (agencia tributaria, en inglés)',
  'idv.error.alt.reportIdentityTheft.ftcLink': 'RobodeIdentidad.gov (Comisión Federal de Comercio)',
  'idv.error.alt.startAgain.title': 'Empiece de nuevo',
  'idv.error.alt.startAgain.body': 'Empiece la verificación de identidad otra vez desde el principio.',
  'idv.error.alt.startAgain.link': 'Empezar la verificación de identidad',

  'idv.error.index.title': 'Verificación de identidad: ayuda y códigos de error',
  'idv.error.index.lead':
    'Si la verificación de identidad no funcionó, la página muestra un número de error. Búsquelo abajo para saber qué significa y qué puede hacer. Siempre hay otra forma de seguir.',
  'idv.error.index.optionsTitle': 'Formas de verificar su identidad',
  'idv.error.index.camera.title': 'Con su cámara, o subiendo fotos',
  'idv.error.index.camera.body':
    'Tome fotos del frente y del reverso de su licencia de conducir o identificación estatal, o de su pasaporte de EE. UU., y luego una selfi. También puede subir fotos de su identificación que ya tomó.',
  'idv.error.index.phone.title': 'Continúe en su teléfono',
  'idv.error.index.phone.body':
    'Si su computadora no tiene cámara, puede continuar en su teléfono y tomar las fotos allí.',
  'idv.error.index.noPhotosTitle': 'Si no puede tomar fotos',
  'idv.error.index.noPhotosLead': 'Aun así puede obtener lo que necesita de una de estas formas:',
  'idv.error.index.inPerson.title': 'Reciba ayuda en persona',
  'idv.error.index.inPerson.body':
    'Pida una cita en un Centro de Asistencia al Contribuyente. Lleve una identificación con foto y su tarjeta de Seguro Social o su carta del ITIN.',
  'idv.error.index.codesTitle': 'Códigos de error',
};
