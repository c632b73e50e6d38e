// Mensajes en español. Debe tener exactamente las mismas claves que en.ts.
import type { en } from './en.ts';

export const es: Record<keyof typeof en, string> = {
  'common.skipToContent': 'Ir al contenido principal',
  'common.officialSite': 'Un sitio web oficial de la agencia tributaria',
  'common.mainNav': 'Navegación principal',
  'common.language': 'Idioma',
  'common.switchLanguage': 'English',
  'common.switchLanguageLabel': 'View this page in English',
  'common.errorCode': 'Código de error {code}',
  'common.continue': 'Continuar',
  'common.cancel': 'Cancelar',
  'common.back': 'Volver',
  'common.required': 'Obligatorio',
  'common.fixErrors': 'Por favor, corrija lo siguiente:',
  'common.devOnly': 'Solo en modo de desarrollo',
  'common.scamWarning':
    'Nunca le pediremos su contraseña, códigos de seguridad ni datos de su cuenta por correo electrónico, mensaje de texto o llamada telefónica.',

  'error.title': 'Algo salió mal',
  'error.badRequest': 'No pudimos entender esa solicitud. Vuelva atrás e inténtelo de nuevo.',
  'error.notFound':
    'No encontramos esa página. Revise la dirección o empiece de nuevo desde la página principal.',
  'error.forbidden': 'No tiene acceso a esta página.',
  'error.csrf':
    'Su formulario caducó o se envió desde otro sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.',
  'error.unavailable':
    'Este servicio no está disponible en este momento. Inténtelo de nuevo en unos minutos.',
  'error.internal':
    'Algo salió mal de nuestro lado. Inténtelo de nuevo. Si sigue ocurriendo, comuníquese con nosotros e indique el código de error.',
  'error.tooManyRequests': 'Demasiados intentos. Espere unos minutos e inténtelo de nuevo.',
  'error.goHome': 'Ir a la página principal',

  'idp.name': 'Proveedor de identidad',
  'idp.home.title': 'Una cuenta segura para los servicios del gobierno',
  'idp.home.lead':
    'Cree una cuenta una vez, verifique su identidad una vez y úsela para iniciar sesión en todas las agencias que confían en este servicio.',
  'idp.home.howTo':
    'Para iniciar sesión, comience en el sitio web de la agencia que quiere usar y elija “Iniciar sesión”.',
  'idp.signIn.title': 'Iniciar sesión',
  'idp.signIn.lead':
    '{agency} usa este proveedor de identidad. Inicie sesión o cree una cuenta para continuar.',
  'idp.signIn.email': 'Correo electrónico',
  'idp.signIn.password': 'Contraseña',
  'idp.signIn.submit': 'Iniciar sesión',
  'idp.signIn.noAccount': '¿No tiene una cuenta?',
  'idp.signIn.createAccount': 'Crear una cuenta',
  'idp.signIn.failed':
    'El correo electrónico y la contraseña no coinciden con nuestros registros. Revíselos e inténtelo de nuevo.',
  'idp.signIn.showPassword': 'Mostrar contraseña',
  'idp.signUp.title': 'Cree su cuenta',
  'idp.signUp.lead': 'Escriba su correo electrónico. Le enviaremos un enlace para confirmarlo.',
  'idp.signUp.emailHint': 'Use un correo que pueda abrir ahora. Lo usará para iniciar sesión.',
  'idp.signUp.submit': 'Enviar enlace de confirmación',
  'idp.signUp.haveAccount': '¿Ya tiene una cuenta?',
  'idp.signUp.emailInvalid': 'Escriba un correo electrónico con el formato nombre@ejemplo.com.',
  'idp.checkEmail.title': 'Revise su correo electrónico',
  'idp.checkEmail.body':
    'Enviamos un correo a {email}. Abra el enlace dentro de las próximas 24 horas para seguir creando su cuenta.',
  'idp.checkEmail.notReceived':
    '¿No lo recibió? Revise la carpeta de correo no deseado o vuelva atrás y escriba su correo de nuevo.',
  'idp.confirm.invalid':
    'Este enlace de confirmación no es válido o caducó. Los enlaces funcionan una sola vez, durante 24 horas.',
  'idp.confirm.startAgain': 'Empezar de nuevo',
  'idp.password.title': 'Termine de crear su cuenta',
  'idp.password.lead': 'Su correo {email} está confirmado. Díganos su nombre y elija una contraseña.',
  'idp.password.givenName': 'Nombre',
  'idp.password.familyName': 'Apellido',
  'idp.password.password': 'Contraseña',
  'idp.password.passwordHint':
    'Use de 12 a 128 caracteres. Una frase larga de palabras sin relación funciona bien.',
  'idp.password.confirm': 'Confirme la contraseña',
  'idp.password.submit': 'Crear cuenta',
  'idp.password.nameRequired': 'Escriba su nombre y su apellido.',
  'idp.password.nameTooLong': 'Los nombres pueden tener como máximo 100 caracteres.',
  'idp.password.tooShort': 'Su contraseña debe tener al menos 12 caracteres.',
  'idp.password.tooLong': 'Su contraseña puede tener como máximo 128 caracteres.',
  'idp.password.mismatch': 'Las contraseñas no coinciden.',
  'idp.ready.title': 'Su cuenta está lista',
  'idp.ready.body': 'Vuelva al sitio web de la agencia de donde vino y elija “Iniciar sesión”.',
  'idp.consent.title': '¿Compartir su información con {agency}?',
  'idp.consent.lead': '{agency} solicita la siguiente información de su cuenta:',
  'idp.consent.allow': 'Aceptar y continuar',
  'idp.consent.deny': 'Cancelar',
  'idp.consent.claim.openid': 'Un identificador único para usted en esta agencia',
  'idp.consent.claim.email': 'Su correo electrónico',
  'idp.consent.claim.profile': 'Su nombre',
  'idp.consent.revokeLater': 'Puede dejar de compartir en cualquier momento desde su cuenta.',
  'idp.logout.title': 'Cerrar sesión',
  'idp.logout.lead': '¿Quiere cerrar también la sesión del proveedor de identidad?',
  'idp.logout.yes': 'Sí, cerrar sesión',
  'idp.logout.no': 'No, mantener la sesión',
  'idp.loggedOut.title': 'Cerró la sesión',
  'idp.loggedOut.body': 'Ya no tiene una sesión abierta en el proveedor de identidad.',
  'idp.oidcError.title': 'No pudimos completar el inicio de sesión',
  'idp.oidcError.body':
    'La agencia envió una solicitud de inicio de sesión que no pudimos aceptar. Vuelva al sitio web de la agencia e inténtelo de nuevo.',
  'idp.outbox.title': 'Bandeja de salida de desarrollo',
  'idp.outbox.lead':
    'Aquí aparecen los mensajes que el sistema enviaría por correo electrónico o mensaje de texto. Esta página solo existe en modo de desarrollo.',
  'idp.outbox.empty': 'Todavía no hay mensajes.',
  'idp.outbox.to': 'Para',
  'idp.outbox.subject': 'Asunto',
  'idp.outbox.sent': 'Enviado',
  'idp.email.confirm.subject': 'Confirme su correo electrónico',
  'idp.email.confirm.body':
    'Alguien (esperamos que usted) empezó a crear una cuenta con este correo. Para continuar, abra este enlace dentro de las próximas 24 horas:\n\n{link}\n\nSi no fue usted, puede ignorar este mensaje.',
  'idp.email.existing.subject': 'Ya tiene una cuenta',
  'idp.email.existing.body':
    'Alguien intentó crear una cuenta con este correo, pero usted ya tiene una. Inicie sesión desde el sitio web de la agencia.\n\nSi no fue usted, puede ignorar este mensaje; su cuenta no cambió.',

  'acct.name': 'Cuenta en línea',
  'acct.nav.home': 'Inicio',
  'acct.nav.signIn': 'Iniciar sesión',
  'acct.nav.signOut': 'Cerrar sesión',
  'acct.home.title': 'Su cuenta en línea',
  'acct.home.lead':
    'Vea lo que debe, haga pagos, consulte sus registros tributarios y administre sus preferencias.',
  'acct.home.signInLead':
    'Inicie sesión con su cuenta del proveedor de identidad. ¿Es nuevo? Puede crear una cuenta allí.',
  'acct.home.greeting': 'Bienvenido/a, {name}',
  'acct.home.signedInAs': 'Inició sesión como {email}.',
  'acct.home.comingSoon': 'Aquí aparecerán sus saldos, pagos y registros.',
  'acct.signIn.failed': 'No pudimos iniciar su sesión. Inténtelo de nuevo.',
  'acct.signIn.cancelled': 'Canceló el inicio de sesión. Puede intentarlo de nuevo cuando quiera.',
  'acct.signIn.providerDown':
    'El servicio de inicio de sesión no está disponible en este momento. Inténtelo de nuevo en unos minutos.',
  'acct.signedOut.title': 'Cerró la sesión',
  'acct.signedOut.body': 'Por su seguridad, cierre el navegador si usa una computadora compartida.',
  'acct.signedOut.again': 'Iniciar sesión de nuevo',
  'idp.interaction.expired':
    'Su sesión de inicio caducó. Vuelva al sitio web de la agencia y elija “Iniciar sesión” de nuevo.',
  'idp.interaction.agencyFallback': 'La agencia',
};
