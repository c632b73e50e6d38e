// Mensajes en español para la Agencia Estatal de Beneficios (demo): exactamente las claves de en-benefits.ts.
import type { enBenefits } from './en-benefits.ts';

export const esBenefits: Record<keyof typeof enBenefits, string> = {
  'benefits.name': 'Agencia Estatal de Beneficios (demo)',
  'benefits.nav.signIn': 'Iniciar sesión',
  'benefits.nav.signOut': 'Cerrar sesión',
  'benefits.demo.heading': 'Una agencia de demostración',
  'benefits.demo.body':
    'Este no es un servicio real del gobierno. Nada de lo que haga aquí solicita ni cambia ningún beneficio.',

  'benefits.home.title': 'Solicite y administre sus beneficios',
  'benefits.home.lead':
    'La Agencia Estatal de Beneficios muestra que una sola cuenta del proveedor de identidad sirve para iniciar sesión en más de una agencia: la cuenta que usa para la cuenta tributaria en línea también funciona aquí.',
  'benefits.home.asks':
    'Esta agencia solo pide su correo electrónico y un inicio de sesión con un segundo paso, como un código o una llave de seguridad. No necesita verificar su identidad.',
  'benefits.home.pairwise':
    'Recibe su propio identificador para usted, distinto del que recibe la cuenta tributaria, así que las dos agencias no pueden cruzar sus registros con él.',
  'benefits.home.signIn': 'Iniciar sesión con el proveedor de identidad',

  'benefits.signedIn.greeting': 'Hola, {email}',
  'benefits.signedIn.greetingNoEmail': 'Hola',
  'benefits.signedIn.lead': 'Inició sesión en la Agencia Estatal de Beneficios (demo).',
  'benefits.signedIn.receivedTitle': 'Lo que recibió esta agencia',
  'benefits.signedIn.receivedLead':
    'El proveedor de identidad solo envió lo que aparece aquí. No se compartió nada más sobre usted.',
  'benefits.signedIn.expires':
    'Por su seguridad, su sesión en esta agencia se cierra {minutes} minutos después de iniciarla.',
  'benefits.signedIn.signOutNote':
    'Al cerrar la sesión aquí, también puede cerrar la sesión del proveedor de identidad.',
  'benefits.claim.sub': 'Su identificador en esta agencia (sub)',
  'benefits.claim.subHelp': 'La cuenta tributaria recibe un identificador distinto para la misma persona.',
  'benefits.claim.ial': 'Nivel de garantía de identidad (ial)',
  'benefits.claim.aal': 'Nivel de garantía de autenticación (aal)',
  'benefits.claim.acr': 'Contexto de autenticación (acr)',
  'benefits.claim.email': 'Correo electrónico (email)',
  'benefits.claim.missing': 'No se proporcionó',

  'benefits.signedOut.title': 'Cerró la sesión',
  'benefits.signedOut.body':
    'Cerró la sesión en la Agencia Estatal de Beneficios. Si usa una computadora compartida, cierre el navegador.',
  'benefits.signedOut.again': 'Iniciar sesión de nuevo',

  'benefits.failed.title': 'No pudimos confirmar su identidad',
  'benefits.failed.lead':
    'La Agencia Estatal de Beneficios no pudo confirmar quién es usted a través del proveedor de identidad, así que por ahora no podemos mostrarle sus beneficios en línea. Aún puede comunicarse con nosotros.',
  'benefits.failed.optionsTitle': 'Otras formas de continuar',
  'benefits.failed.tryAgain':
    'Intente iniciar sesión de nuevo. Tenga a mano su contraseña y su segundo paso (por ejemplo, su teléfono o su llave de seguridad).',
  'benefits.failed.phone':
    'Llámenos al 1-800-555-0199 (un número de demostración), de lunes a viernes, de 8 a. m. a 6 p. m.',
  'benefits.failed.office':
    'Visite una oficina local con una identificación con foto. El personal puede confirmar quién es usted en persona.',
  'benefits.failed.paper':
    'Presente su solicitud por correo con un formulario en papel. Para eso no necesita una cuenta en línea.',

  'benefits.problem.title': 'No pudimos iniciar su sesión',
  'benefits.problem.accessDenied':
    'Canceló el inicio de sesión o decidió no compartir su información con esta agencia. No se compartió nada.',
  'benefits.problem.unmetRequirements':
    'El proveedor de identidad no pudo confirmar el tipo de inicio de sesión que esta agencia necesita: su contraseña y un segundo paso, como un código o una llave de seguridad.',
  'benefits.problem.loginRequired':
    'El proveedor de identidad necesita que inicie sesión de nuevo para poder continuar.',
  'benefits.problem.consentRequired':
    'El proveedor de identidad necesita su autorización antes de compartir su información con esta agencia.',
  'benefits.problem.providerUnavailable':
    'El proveedor de identidad no responde en este momento. Suele ser algo pasajero; inténtelo de nuevo en unos minutos.',
  'benefits.problem.unknownError': 'El proveedor de identidad no pudo completar su inicio de sesión.',
  'benefits.problem.stale':
    'Su inicio de sesión tardó demasiado o se empezó en otro navegador o pestaña. Por su seguridad, hay que empezarlo de nuevo.',
  'benefits.problem.notCompleted':
    'No pudimos completar su inicio de sesión con la respuesta que envió el proveedor de identidad.',
  'benefits.problem.whatNext': 'Lo que puede hacer',
  'benefits.problem.tryAgain': 'Intentar de nuevo',
  'benefits.problem.goHome': 'Ir a la página principal',
  'benefits.problem.otherWays': 'Otras formas de comunicarse con nosotros',
  'benefits.banner': 'Un sitio web de demostración, no un servicio del gobierno',
};
