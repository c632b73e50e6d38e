// Mensajes en español para la verificación de identidad: exactamente las claves de en-idv.ts.
import type { enIdv } from './en-idv.ts';

export const esIdv: Record<keyof typeof enIdv, string> = {
  'idv.progress': 'Paso {step} de {total}',
  'idv.back': 'Volver',
  'idv.continue': 'Continuar',
  'idv.help.link': 'Ayuda para verificar su identidad',
  'idv.cancel': 'Cancelar y volver',

  'idv.welcome.title': 'Verifique su identidad',
  'idv.welcome.agency':
    '{agency} necesita saber que realmente es usted antes de que pueda ver su información tributaria.',
  'idv.welcome.lead':
    'Verificar su identidad protege su información tributaria. Tarda unos 10 minutos y solo lo hace una vez: todas las agencias que confían en este servicio pueden usarla.',
  'idv.welcome.needHeading': 'Lo que necesita',
  'idv.welcome.needId':
    'Una licencia de conducir de EE. UU., una tarjeta de identificación estatal, un pasaporte de EE. UU. o una tarjeta pasaporte de EE. UU. No debe estar vencida.',
  'idv.welcome.needSsn':
    'Su número de Seguro Social (SSN) o su Número de Identificación Personal del Contribuyente (ITIN).',
  'idv.welcome.needPhone': 'Un teléfono a su nombre, o tiempo para recibir una carta en su dirección.',
  'idv.welcome.needCamera':
    'Un teléfono o una computadora con cámara, o fotos de su identificación y de su cara para subirlas.',
  'idv.welcome.collectHeading': 'Qué datos recopilamos y por qué',
  'idv.welcome.collectBody':
    'Leemos su nombre, su fecha de nacimiento y su dirección en su identificación, y comparamos la foto de la identificación con una selfi. Comparamos sus datos con los registros oficiales y confirmamos su dirección por teléfono o por correo postal.',
  'idv.welcome.protectHeading': 'Cómo los protegemos',
  'idv.welcome.protectBody':
    'Las fotos de su identificación y de su cara, y las medidas faciales que se toman de ellas, se eliminan en cuanto terminamos de revisarlas. Sus datos verificados se cifran con su contraseña; solo usted puede desbloquearlos. Nunca vendemos su información.',
  'idv.welcome.consent':
    'Acepto que se revisen mi identificación, mi foto y mis datos para verificar mi identidad, como se describe arriba.',
  'idv.welcome.consentRequired': 'Marque la casilla para aceptar antes de continuar.',
  'idv.welcome.cannotPhoto':
    '¿No puede tomar ni subir fotos? Vea las otras formas de verificar su identidad, o de obtener sus registros tributarios sin verificarla en línea.',

  'idv.how.title': '¿Cómo quiere agregar su identificación?',
  'idv.how.thisDevice': 'En este dispositivo',
  'idv.how.thisDeviceHint': 'Use la cámara de este dispositivo, o suba fotos que ya tenga.',
  'idv.how.phone': 'Continuar en su teléfono',
  'idv.how.phoneHint':
    'Le enviamos un enlace a su teléfono, o usted escanea un código. Las cámaras de los teléfonos toman las fotos más claras.',
  'idv.how.video': 'Una videollamada con un agente',
  'idv.how.videoUnavailable':
    'Todavía no está disponible. Puede usar su identificación con este dispositivo o con su teléfono, o ver las otras formas de obtener ayuda.',
  'idv.how.required': 'Elija cómo quiere agregar su identificación.',

  'idv.handoff.title': 'Continúe en su teléfono',
  'idv.handoff.lead':
    'Escanee este código con la cámara de su teléfono, o le podemos enviar un enlace por mensaje de texto.',
  'idv.handoff.qrAlt': 'Un código QR que abre el enlace en su teléfono',
  'idv.handoff.phoneLabel': 'Su número de teléfono',
  'idv.handoff.phoneHint': 'Un número de EE. UU., por ejemplo (217) 555-0142.',
  'idv.handoff.send': 'Enviarme un enlace por mensaje de texto',
  'idv.handoff.sent': 'Enviamos un enlace por mensaje de texto al {phone}. Funciona durante 15 minutos.',
  'idv.handoff.phoneInvalid': 'Escriba un número de teléfono de EE. UU. con el código de área.',
  'idv.handoff.waiting': 'Esperando a su teléfono…',
  'idv.handoff.opened': 'Su teléfono abrió el enlace. Tome las fotos allí; esta página avanzará sola.',
  'idv.handoff.analysing': 'Su teléfono envió las fotos. Las estamos revisando.',
  'idv.handoff.checkAgain': 'Ver el progreso',
  'idv.handoff.useThisDevice': 'Usar este dispositivo en su lugar',
  'idv.handoff.sms':
    'Use este enlace para agregar su identificación y verificar su identidad: {url} Funciona durante 15 minutos. Si usted no lo pidió, ignore este mensaje.',
  'idv.handoff.limited':
    'Ya enviamos varios enlaces. Espere {minutes} minutos, o escanee el código en su lugar.',

  'idv.idType.title': '¿Qué identificación va a usar?',
  'idv.idType.lead': 'Debe estar vigente (no vencida). La leemos con su cámara o en una foto.',
  'idv.idType.drivers_license': 'Licencia de conducir',
  'idv.idType.state_id': 'Tarjeta de identificación estatal',
  'idv.idType.passport': 'Pasaporte de EE. UU. (libreta)',
  'idv.idType.passport_card': 'Tarjeta pasaporte de EE. UU.',
  'idv.idType.required': 'Elija la identificación que va a usar.',

  'idv.document.title': 'Agregue fotos de su identificación',
  'idv.document.lead':
    'Ponga su identificación sobre una superficie plana y oscura, con buena luz. Deje las cuatro esquinas dentro de la foto, sin reflejos y sin dedos encima.',
  'idv.document.front': 'Frente de su identificación',
  'idv.document.frontHint': 'El lado que tiene su foto. JPEG, PNG o WebP, de hasta 15 MB.',
  'idv.document.back': 'Reverso de su identificación',
  'idv.document.backHint': 'El lado que tiene el código de barras. JPEG, PNG o WebP, de hasta 15 MB.',
  'idv.document.passportPage': 'La página con la foto de su pasaporte',
  'idv.document.passportPageHint':
    'Abra el pasaporte sobre una superficie plana. Incluya las dos líneas de letras y números de la parte de abajo.',
  'idv.document.missingFront': 'Agregue una foto del frente de su identificación.',
  'idv.document.missingBack': 'Agregue una foto del reverso de su identificación.',
  'idv.document.tooLarge': 'Esta foto es demasiado grande. Use una de menos de 15 MB.',
  'idv.document.retakeHeading': 'Tome las fotos de nuevo',
  'idv.document.attemptsLeft': 'Puede intentarlo {count} veces más en las próximas 6 horas.',
  'idv.document.changeType': 'Usar otra identificación',

  'idv.selfie.title': 'Tómese una foto de la cara',
  'idv.selfie.lead':
    'La comparamos con la foto de su identificación. Mire a la cámara con buena luz, sin sombrero ni lentes de sol, y asegúrese de que solo usted aparezca en la foto.',
  'idv.selfie.label': 'Foto de su cara',
  'idv.selfie.hint': 'Use su cámara, o suba una foto reciente de su cara. JPEG, PNG o WebP.',
  'idv.selfie.missing': 'Agregue una foto de su cara.',
  'idv.selfie.failures': 'Intentos que le quedan para la foto de su cara: {count}.',
  'idv.selfie.submit': 'Revisar mis fotos',

  'idv.camera.useCamera': 'Usar su cámara',
  'idv.camera.take': 'Tomar la foto',
  'idv.camera.retake': 'Tomarla de nuevo',
  'idv.camera.holdSteady': 'No se mueva…',
  'idv.camera.captured': 'Foto tomada',
  'idv.camera.denied': 'No podemos usar su cámara. Elija un archivo en su lugar.',
  'idv.camera.tooBlurry': 'Está demasiado borrosa. No se mueva.',

  'idv.processing.title': 'Revisando sus fotos',
  'idv.processing.lead': 'Esto suele tardar unos segundos. No cierre esta página.',
  'idv.processing.status': 'Leyendo su identificación y comparando sus fotos…',
  'idv.processing.noScript': 'Suele tardar unos segundos. Use el botón de abajo para ver si ya terminamos.',
  'idv.processing.checkAgain': 'Revisar de nuevo',
  'idv.processing.timeout':
    'Esto está tardando más de lo normal. Revise de nuevo, o vuelva más tarde: guardamos su progreso.',

  'idv.mobile.doneTitle': 'Vuelva a su computadora',
  'idv.mobile.doneBody': 'Ya tenemos sus fotos. Continúe en su computadora; puede cerrar esta página.',
  'idv.mobile.linkInvalid':
    'Este enlace caducó o ya fue reemplazado. Pida un enlace nuevo en su computadora.',

  'idv.details.title': 'Escriba sus datos personales',
  'idv.details.lead':
    'Escríbalos como los tiene la agencia tributaria, por ejemplo, como aparecen en su declaración de impuestos más reciente. Llenamos lo que pudimos leer en su identificación; revíselo.',
  'idv.details.givenName': 'Nombre',
  'idv.details.familyName': 'Apellido',
  'idv.details.dob': 'Fecha de nacimiento',
  'idv.details.dobHint': 'Por ejemplo: 4 28 1986',
  'idv.details.month': 'Mes',
  'idv.details.day': 'Día',
  'idv.details.year': 'Año',
  'idv.details.tinType': 'Su número de identificación del contribuyente es',
  'idv.details.ssn': 'Un número de Seguro Social (SSN)',
  'idv.details.itin': 'Un Número de Identificación Personal del Contribuyente (ITIN)',
  'idv.details.tin': 'SSN o ITIN',
  'idv.details.tinHint': 'Nueve dígitos, por ejemplo 123-45-6789. Un ITIN empieza con 9.',
  'idv.details.showTin': 'Mostrar el número',
  'idv.details.addressHeading': 'La dirección de su casa',
  'idv.details.addressHint':
    'Donde vive ahora. Si la dirección de su identificación es antigua, escriba la actual.',
  'idv.details.street': 'Dirección',
  'idv.details.street2': 'Apartamento, unidad o suite (opcional)',
  'idv.details.city': 'Ciudad',
  'idv.details.state': 'Estado, territorio o base militar (dos letras)',
  'idv.details.postalCode': 'Código ZIP',
  'idv.details.submit': 'Revisar mis datos',
  'idv.details.checking': 'Comparamos sus datos con los registros oficiales. Tarda unos segundos.',
  'idv.details.problem.required': 'Este dato es obligatorio.',
  'idv.details.problem.name_invalid': 'Use solo letras, espacios, guiones y apóstrofos.',
  'idv.details.problem.date_invalid':
    'Escriba una fecha real: mes del 1 al 12, día del 1 al 31 y un año de cuatro dígitos.',
  'idv.details.problem.date_future': 'Su fecha de nacimiento no puede ser en el futuro.',
  'idv.details.problem.under_age': 'Debe tener al menos 18 años para verificar su identidad en línea.',
  'idv.details.problem.tin_type_required': 'Elija SSN o ITIN.',
  'idv.details.problem.tin_format': 'Escriba nueve dígitos, por ejemplo 123-45-6789.',
  'idv.details.problem.ssn_area_invalid':
    'Este SSN no es válido: los tres primeros dígitos no pueden ser 000, 666 ni del 900 al 999. Si empieza con 9, elija ITIN.',
  'idv.details.problem.ssn_group_invalid':
    'Este SSN no es válido: los dos dígitos del medio no pueden ser 00.',
  'idv.details.problem.ssn_serial_invalid':
    'Este SSN no es válido: los cuatro últimos dígitos no pueden ser 0000.',
  'idv.details.problem.itin_range_invalid':
    'Este ITIN no es válido: un ITIN empieza con 9 y sus dígitos 4.º y 5.º están entre 50–65, 70–88, 90–92 o 94–99.',
  'idv.details.problem.irsn_not_accepted':
    'Parece un número del IRS (IRSN), que no se puede usar para verificar su identidad. Use su SSN o su ITIN.',
  'idv.details.problem.atin_not_accepted':
    'Parece un número de adopción (ATIN), que no se puede usar para verificar su identidad. Use su SSN o su ITIN.',
  'idv.details.problem.street_missing': 'Escriba su dirección.',
  'idv.details.problem.city_missing': 'Escriba su ciudad.',
  'idv.details.problem.state_invalid': 'Escriba el código de dos letras del estado, por ejemplo IL.',
  'idv.details.problem.zip_invalid': 'Escriba un código ZIP de cinco dígitos, o ZIP+4.',
  'idv.details.documentMismatch.name': 'El nombre que escribió no es el nombre de su identificación.',
  'idv.details.documentMismatch.date_of_birth':
    'La fecha de nacimiento que escribió no es la de su identificación.',
  'idv.details.recordsMismatch':
    'No pudimos hacer coincidir estos datos con los registros oficiales. Compare cada uno con su declaración de impuestos más reciente. Puede intentarlo {count} veces más en las próximas 6 horas.',

  'idv.address.title': 'Confirme su dirección',
  'idv.address.lead':
    'Confirmamos que {address} es suya con un código: por mensaje de texto a un teléfono a su nombre, o en una carta a esta dirección.',
  'idv.address.byPhone': 'Por mensaje de texto a un teléfono a mi nombre (lo más rápido)',
  'idv.address.byPhoneHint': 'Un teléfono celular facturado a su nombre, no uno prepagado ni del trabajo.',
  'idv.address.phoneLabel': 'Número de teléfono',
  'idv.address.byMail': 'Por una carta a mi dirección',
  'idv.address.byMailHint': 'Llega en 3 a 7 días. El código de la carta funciona durante 30 días.',
  'idv.address.required': 'Elija cómo confirmar su dirección.',
  'idv.address.phoneInvalid': 'Escriba un número de teléfono de EE. UU. con el código de área.',
  'idv.address.notOwner':
    'No pudimos confirmar que este teléfono está a su nombre. Pruebe con otro teléfono, o confirme por correo postal en su lugar.',
  'idv.address.phoneAttemptsLeft': 'Puede probar {count} números de teléfono más en las próximas 6 horas.',
  'idv.address.sms':
    'Su código para confirmar su dirección es {code}. Funciona durante 10 minutos. Nunca lo llamaremos para pedírselo.',

  'idv.code.title': 'Escriba su código',
  'idv.code.phoneLead':
    'Enviamos un código de 6 dígitos por mensaje de texto al {phone}. Funciona durante 10 minutos.',
  'idv.code.mailLead':
    'Enviamos una carta a {address} el {date}. Llega en 3 a 7 días. Escriba aquí el código de la carta; funciona hasta el {expires}. Guardamos su progreso: inicie sesión y vuelva cuando llegue la carta.',
  'idv.code.label': 'Código',
  'idv.code.phoneHint': 'Seis dígitos.',
  'idv.code.mailHint': 'Diez letras y dígitos, por ejemplo ABCD-1234-EF.',
  'idv.code.wrong':
    'Ese código no es correcto. Revíselo e inténtelo de nuevo. Intentos que le quedan: {count}.',
  'idv.code.expired': 'Ese código caducó. Pida uno nuevo.',
  'idv.code.resendPhone': 'Enviarme un código nuevo por mensaje de texto',
  'idv.code.resendMail': 'Enviarme una carta nueva',
  'idv.code.switch': 'Confirmar mi dirección de otra forma',
  'idv.code.submit': 'Confirmar',

  'idv.password.title': 'Vuelva a escribir su contraseña',
  'idv.password.lead':
    'Sus datos verificados se cifrarán con su contraseña, así que solo usted podrá desbloquearlos. También le damos una clave personal por si olvida su contraseña.',
  'idv.password.label': 'Contraseña',
  'idv.password.wrong': 'Esa no es su contraseña. Inténtelo de nuevo.',
  'idv.password.submit': 'Terminar la verificación',

  'idv.personalKey.title': 'Guarde su clave personal',
  'idv.personalKey.lead':
    'Si olvida su contraseña, necesitará esta clave para desbloquear su identidad verificada sin verificarla de nuevo. Solo la mostramos una vez.',
  'idv.personalKey.keyLabel': 'Su clave personal',
  'idv.personalKey.howToKeep':
    'Anótela o imprima esta página, y guárdela en un lugar seguro, separada de su contraseña. No se la dé a nadie: nunca se la pediremos por correo electrónico, mensaje de texto o teléfono.',
  'idv.personalKey.acknowledge': 'Guardé mi clave personal en un lugar seguro.',
  'idv.personalKey.acknowledgeRequired': 'Marque la casilla para confirmar que guardó su clave personal.',
  'idv.personalKey.gone':
    'Su clave personal se mostró una vez y no se puede volver a mostrar. Si no la guardó, puede obtener una nueva en la página de su cuenta.',

  'idv.done.title': 'Verificó su identidad',
  'idv.done.body':
    'Las agencias que confían en este servicio ahora pueden saber que es usted, cuando usted se lo permita.',
  'idv.done.facialMatch': 'Su foto coincidió con su identificación.',
  'idv.done.toAgency': 'Continuar a {agency}',
  'idv.done.toAccount': 'Ir a su cuenta',

  'idv.retake.image_unreadable': 'No pudimos abrir una de las fotos. Tómela o súbala de nuevo.',
  'idv.retake.image_unsupported_format': 'Use una foto JPEG, PNG o WebP.',
  'idv.retake.image_too_large': 'Una foto es demasiado grande. Use una foto de menos de 15 MB.',
  'idv.retake.image_too_small':
    'Una foto es demasiado pequeña para leerla. Acérquese para que su identificación ocupe casi toda la imagen, o use una foto de mayor resolución.',
  'idv.retake.image_blurry': 'Una foto está borrosa. Mantenga la cámara quieta y deje que enfoque.',
  'idv.retake.image_glare':
    'Hay un reflejo en su identificación. Aléjese de la luz directa o incline un poco la identificación.',
  'idv.retake.card_not_found':
    'No encontramos su identificación en la foto. Póngala sobre una superficie oscura y deje las cuatro esquinas dentro de la imagen.',
  'idv.retake.barcode_not_found':
    'No pudimos leer el código de barras del reverso. Asegúrese de que todo el código de barras aparezca en la foto, nítido y sin reflejos.',
  'idv.retake.barcode_unparseable':
    'No pudimos leer el código de barras del reverso. Tome la foto de nuevo, más de cerca y más nítida.',
  'idv.retake.mrz_not_found':
    'No encontramos las dos líneas de letras y números de la parte de abajo de la página con la foto. Inclúyalas, planas y nítidas.',
  'idv.retake.mrz_check_digit_failed':
    'No pudimos leer con claridad las líneas de la parte de abajo de la página con la foto. Tome la foto de nuevo, con la página plana y sin reflejos.',
  'idv.retake.document_type_mismatch':
    'Las fotos no parecen ser de la identificación que eligió. Revise el tipo de identificación, o use los lados correctos de su identificación.',
  'idv.retake.portrait_not_found':
    'No pudimos ver su foto en su identificación. Tome el frente de nuevo, sin reflejos.',
  'idv.retake.portrait_multiple_faces':
    'Vimos más de una cara en el frente de su identificación. Tome la foto solo de su identificación.',
  'idv.retake.selfie_no_face': 'No pudimos ver su cara. Mire a la cámara con buena luz.',
  'idv.retake.selfie_multiple_faces': 'En la foto de su cara solo debe aparecer usted.',
  'idv.retake.selfie_not_live':
    'La foto de su cara debe tomarse en vivo, no ser una foto de otra foto ni de una pantalla. Tómela de nuevo con su cámara.',
  'idv.retake.face_mismatch':
    'Su foto no coincidió con la foto de su identificación. Tómela de nuevo con buena luz, mirando a la cámara, sin lentes ni sombrero.',
  'idv.retake.analysis_unavailable': 'No pudimos revisar sus fotos en este momento. Agréguelas de nuevo.',
  'idv.retake.generic': 'No pudimos revisar sus fotos. Tómelas de nuevo.',
  'idv.retake.allAgain':
    'Para proteger su privacidad, eliminamos las fotos después de revisarlas, así que agréguelas todas de nuevo.',

  'idv.unlock.title': 'Desbloquee su identidad verificada',
  'idv.unlock.lead':
    'Sus datos verificados están cifrados con su contraseña. Escríbala para compartirlos con {agency}.',
  'idv.unlock.submit': 'Desbloquear y continuar',

  'idv.reactivate.title': 'Escriba su clave personal',
  'idv.reactivate.lead':
    'Restableció su contraseña, así que su identidad verificada está bloqueada. Para desbloquearla, escriba la clave personal que guardó cuando verificó su identidad, y su contraseña.',
  'idv.reactivate.key': 'Clave personal',
  'idv.reactivate.keyHint': '16 letras y números, por ejemplo 7KQ2-M9XA-3PRT-W4HZ.',
  'idv.reactivate.password': 'Su contraseña actual',
  'idv.reactivate.wrong': 'La clave personal o la contraseña no es correcta. Revíselas e inténtelo de nuevo.',
  'idv.reactivate.lost':
    '¿Perdió su clave personal? Puede verificar su identidad de nuevo; la nueva verificación reemplaza a la bloqueada.',
  'idv.reactivate.verifyAgain': 'Verificar mi identidad de nuevo',
  'idv.reactivate.submit': 'Desbloquear',
  'idv.reactivate.limited': 'Demasiados intentos. Espere {minutes} minutos e inténtelo de nuevo.',

  'idp.event.identity_verified': 'Identidad verificada',
  'idp.notice.email.subject.identity_verified': 'Usted verificó su identidad',
  'idp.notice.email.lead.identity_verified':
    'Se verificó la identidad de su cuenta. Las agencias que confían en este servicio ahora pueden saber que es usted, cuando usted lo permita.',
  'idp.event.identity_reactivated': 'Identidad verificada desbloqueada con la clave personal',
  'idp.notice.email.subject.identity_reactivated': 'Se desbloqueó su identidad verificada',
  'idp.notice.email.lead.identity_reactivated':
    'Se usó su clave personal para desbloquear su identidad verificada después de restablecer la contraseña, y se le dio una clave personal nueva.',
  'idv.account.status': 'Identidad',
  'idv.account.verified': 'Verificada el {date}',
  'idv.account.verifiedFacial': 'Verificada con comparación de fotos el {date}',
  'idv.account.notVerified': 'No verificada',
  'idv.account.verifyNow': 'Verifique su identidad',
  'idv.account.continue': 'Continúe verificando su identidad',
  'idv.account.locked': 'Bloqueada después de restablecer la contraseña',
  'idv.account.unlock': 'Escriba su clave personal',
};
