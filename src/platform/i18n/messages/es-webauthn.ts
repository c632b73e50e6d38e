// Mensajes en español para webauthn: exactamente las claves de en-webauthn.ts.
import type { enWebauthn } from './en-webauthn.ts';

export const esWebauthn: Record<keyof typeof enWebauthn, string> = {
  'idp.webauthn.setup.title': 'Agregar una llave de acceso o de seguridad',
  'idp.webauthn.setup.lead':
    'Una llave de acceso le permite iniciar sesión con su cara, su huella o el bloqueo de pantalla. Una llave de seguridad es un pequeño dispositivo que se conecta o se toca. Ambas impiden la entrada a sitios web falsos.',
  'idp.webauthn.setup.howTo':
    'Al seleccionar el botón, su navegador le preguntará dónde guardar la llave de acceso: en este dispositivo, en su teléfono o en una llave de seguridad. Siga sus pasos.',
  'idp.webauthn.setup.nicknameHint':
    'Para distinguir sus llaves, por ejemplo “Computadora del trabajo” o “Llave azul”.',
  'idp.webauthn.setup.submit': 'Agregar llave de acceso o de seguridad',
  'idp.webauthn.auth.title': 'Use su llave de acceso o de seguridad',
  'idp.webauthn.auth.lead':
    'Seleccione el botón y siga los pasos de su navegador: use su cara, su huella o el bloqueo de pantalla, o conecte o toque su llave de seguridad.',
  'idp.webauthn.auth.yourKeys': 'Llaves de acceso y de seguridad de su cuenta:',
  'idp.webauthn.auth.submit': 'Usar llave de acceso o de seguridad',
  'idp.webauthn.noScript':
    'Las llaves de acceso y de seguridad necesitan JavaScript, que está desactivado o bloqueado en este navegador. Active JavaScript o elija otro método.',
  'idp.webauthn.chooseAnother': 'Elegir otro método',
  'idp.webauthn.error.noResponse':
    'No recibimos respuesta de una llave de acceso o de seguridad. Esto necesita JavaScript activado. Inténtelo de nuevo o elija otro método.',
  'idp.webauthn.error.expired': 'Pasó demasiado tiempo, así que empezamos de nuevo. Inténtelo otra vez.',
  'idp.webauthn.error.notAdded':
    'No pudimos agregar esa llave de acceso o de seguridad. Inténtelo de nuevo o elija otro método.',
  'idp.webauthn.error.alreadyAdded':
    'Esa llave de acceso o de seguridad ya está agregada. Use otra o elija otro método.',
  'idp.webauthn.error.notRecognised':
    'Esa llave de acceso o de seguridad no está en su cuenta. Pruebe una que haya agregado antes o elija otro método.',
  'idp.webauthn.error.signInFailed':
    'No pudimos confirmar su identidad con esa llave de acceso o de seguridad. Inténtelo de nuevo o elija otro método.',
};
