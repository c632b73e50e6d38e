// Mensajes en español para «Recordar este navegador»: exactamente las claves de en-remember-device.ts.
import type { enRememberDevice } from './en-remember-device.ts';

export const esRememberDevice: Record<keyof typeof enRememberDevice, string> = {
  'idp.remember.label': 'Recordar este navegador durante {days} días',
  'idp.remember.hint':
    'Solo las agencias que lo permiten le dejarán entonces iniciar sesión en este navegador con su contraseña; las demás seguirán pidiéndole un método de autenticación. No marque esta casilla en una computadora compartida o pública.',
  'idp.remember.title': 'Navegadores recordados',
  'idp.remember.none': 'No hay ningún navegador recordado.',
  'idp.remember.countOne': 'Hay un navegador recordado.',
  'idp.remember.countMany': 'Hay {count} navegadores recordados.',
  'idp.remember.explain':
    'En un navegador recordado, las agencias que lo permiten solo le piden su contraseña. Las demás agencias, y esta página de su cuenta, le siguen pidiendo un método de autenticación.',
  'idp.remember.forgetAll': 'Olvidar todos los navegadores recordados',
  'idp.remember.forgotten':
    'Se olvidaron todos los navegadores recordados. Al iniciar sesión en cualquiera de ellos, se le volverá a pedir un método de autenticación.',
  'idp.event.remembered_browsers_forgotten': 'Se olvidaron los navegadores recordados',
  'idp.notice.email.subject.remembered_browsers_forgotten': 'Se olvidaron sus navegadores recordados',
  'idp.notice.email.lead.remembered_browsers_forgotten':
    'Se olvidaron todos los navegadores recordados para su cuenta. Al iniciar sesión en cualquiera de ellos, se le volverá a pedir un método de autenticación.',
};
