import type { enFederation } from './en-federation.ts';

export const esFederation: Record<keyof typeof enFederation, string> = {
  'acct.unverified.title': 'Verifique su identidad para usar su cuenta en línea',
  'acct.unverified.lead':
    'Inició sesión, pero su cuenta en línea muestra información tributaria, así que el proveedor de identidad primero debe confirmar que usted es quien dice ser (verificación de identidad).',
  'acct.unverified.why':
    'Esto lo protege: nadie puede ver ni cambiar sus registros tributarios solo con un correo electrónico y una contraseña.',
  'acct.unverified.stoppedWithCode':
    'No se completó la verificación de identidad (error {code}). Puede intentarlo de nuevo o usar una de las otras opciones a continuación.',
  'acct.unverified.howTitle': 'Cómo verificar',
  'acct.unverified.how':
    'Verifique su identidad con el proveedor de identidad: una foto de su licencia de conducir, identificación estatal o pasaporte y una selfi, unos 10 minutos, en su computadora o su teléfono. Elija “Intente iniciar sesión de nuevo” para continuar donde lo dejó. Solo lo hace una vez; todas las agencias que confían en el proveedor lo aceptan.',
  'acct.unverified.howUnavailable':
    'La verificación de identidad en línea todavía no está disponible en este proveedor de identidad. Mientras tanto, use una de las otras opciones a continuación.',
  'acct.unverified.otherTitle': 'Otras maneras de obtener lo que necesita',
  'acct.unverified.otherPhone':
    'Por teléfono: llame al número que aparece en su aviso más reciente; un asistente puede decirle su saldo y recibir un pago.',
  'acct.unverified.otherMail':
    'Por correo: solicite una transcripción de sus registros tributarios con el Formulario 4506-T; se envía a su dirección registrada en 5 a 10 días.',
  'acct.unverified.otherInPerson':
    'En persona: haga una cita en un Centro de Asistencia al Contribuyente y traiga una identificación con foto y su tarjeta o carta del SSN o ITIN.',
  'acct.unverified.tryAgain': 'Intente iniciar sesión de nuevo',
  'acct.signIn.levelNotMet':
    'El proveedor de identidad no pudo iniciar su sesión al nivel que este sitio requiere. Intente de nuevo o use una de las otras opciones a continuación.',
  'idp.phishingResistant.title': '{agency} pide una llave de acceso o de seguridad',
  'idp.phishingResistant.lead':
    '{agency} solo acepta iniciar sesión con una llave de acceso o de seguridad, porque los sitios web falsos no pueden engañarlas.',
  'idp.phishingResistant.hasKey':
    'Usted tiene una en su cuenta. Inicie sesión de nuevo y elija su llave de acceso o de seguridad como segundo paso.',
  'idp.phishingResistant.noKey':
    'Su cuenta todavía no tiene una. Agregue una llave de acceso o de seguridad a su cuenta y luego inicie sesión en {agency} de nuevo.',
  'idp.phishingResistant.signInAgain': 'Iniciar sesión de nuevo con mi llave',
  'idp.phishingResistant.addKey': 'Agregar una llave de acceso o de seguridad',
  'idp.phishingResistant.back': 'Volver a {agency}',
};
