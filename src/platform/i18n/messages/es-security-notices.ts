// Mensajes en español para security-notices: exactamente las claves de en-security-notices.ts.
import type { enSecurityNotices } from './en-security-notices.ts';

export const esSecurityNotices: Record<keyof typeof enSecurityNotices, string> = {
  'idp.notice.email.subject.account_created': 'Se creó su cuenta',
  'idp.notice.email.subject.sign_in': 'Nuevo inicio de sesión en su cuenta',
  'idp.notice.email.subject.sign_in_failed_mfa':
    'Se ingresaron códigos de seguridad incorrectos en su cuenta',
  'idp.notice.email.subject.password_changed': 'Se cambió su contraseña',
  'idp.notice.email.subject.mfa_added': 'Se agregó un método de inicio de sesión a su cuenta',
  'idp.notice.email.subject.mfa_removed': 'Se eliminó un método de inicio de sesión de su cuenta',
  'idp.notice.email.subject.mfa_renamed': 'Se cambió el nombre de un método de inicio de sesión de su cuenta',
  'idp.notice.email.subject.signed_out_everywhere': 'Se cerró la sesión de su cuenta en todas partes',
  'idp.notice.email.lead.account_created': 'Se creó una cuenta con esta dirección de correo electrónico.',
  'idp.notice.email.lead.sign_in':
    'Alguien inició sesión en su cuenta desde un dispositivo que no habíamos visto antes.',
  'idp.notice.email.lead.sign_in_failed_mfa':
    'Alguien ingresó su contraseña correctamente y luego ingresó un código de seguridad incorrecto 3 veces en una hora. Si no fue usted, otra persona conoce su contraseña.',
  'idp.notice.email.lead.password_changed': 'Se cambió la contraseña de su cuenta.',
  'idp.notice.email.lead.mfa_added':
    'Se agregó un nuevo método de autenticación a su cuenta. Ahora se puede usar para iniciar sesión.',
  'idp.notice.email.lead.mfa_removed': 'Se eliminó un método de autenticación de su cuenta.',
  'idp.notice.email.lead.mfa_renamed': 'Se cambió el nombre de un método de autenticación de su cuenta.',
  'idp.notice.email.lead.signed_out_everywhere': 'Se cerró la sesión de su cuenta en todos los dispositivos.',
  'idp.notice.email.when': 'Cuándo: {time}',
  'idp.notice.email.device': 'Dispositivo: {device}',
  'idp.notice.email.unknownDevice': 'Dispositivo desconocido',
  'idp.notice.email.ifYou': 'Si fue usted, no tiene que hacer nada.',
  'idp.notice.email.notMe':
    'No fui yo: si usted no hizo esto, abra este enlace para bloquear su cuenta de inmediato. Se cerrará la sesión de su cuenta en todas partes. El enlace funciona una sola vez, durante {days} días.\n\n{link}',
  'idp.notice.email.reminder':
    'Nunca le pediremos su contraseña ni sus códigos de seguridad por correo electrónico, mensaje de texto o llamada telefónica. Nunca los comparta con nadie, aunque diga que trabaja para nosotros.',

  'idp.notice.confirm.title': '¿Desea bloquear su cuenta?',
  'idp.notice.confirm.lead': 'Nos está indicando que usted no hizo esto:',
  'idp.notice.confirm.what': 'Qué pasó',
  'idp.notice.confirm.when': 'Cuándo',
  'idp.notice.confirm.device': 'Dispositivo',
  'idp.notice.confirm.explain':
    'Bloquear su cuenta cierra la sesión en todos los dispositivos e impide que cualquier persona, incluso usted, inicie sesión hasta que restablezca su contraseña.',
  'idp.notice.confirm.submit': 'Bloquear mi cuenta',
  'idp.notice.confirm.wasMe': 'Si fue usted, no tiene que hacer nada. Puede cerrar esta página.',

  'idp.notice.locked.title': 'Su cuenta está bloqueada',
  'idp.notice.locked.body': 'Su cuenta está bloqueada. Restablezca su contraseña para desbloquearla.',
  'idp.notice.locked.signedOut': 'Cerramos la sesión de su cuenta en todos los dispositivos.',
  'idp.notice.locked.next':
    'Después de restablecer su contraseña, inicie sesión y revise sus métodos de autenticación. Elimine los que no reconozca.',
  'idp.notice.locked.reset': 'Restablecer su contraseña',
  'idp.notice.lockedSignIn':
    'Su cuenta está bloqueada porque alguien usó el enlace “No fui yo” de uno de nuestros correos de seguridad. Restablezca su contraseña para desbloquearla.',

  'idp.notice.link.unknown.title': 'No reconocemos este enlace',
  'idp.notice.link.unknown.body':
    'Verifique que abrió el enlace completo del correo electrónico. Si cree que otra persona está usando su cuenta, restablezca su contraseña ahora.',
  'idp.notice.link.expired.title': 'Este enlace venció',
  'idp.notice.link.expired.body':
    'Los enlaces de los correos de seguridad funcionan durante 7 días. Si todavía cree que otra persona está usando su cuenta, restablezca su contraseña ahora.',
  'idp.notice.link.used.title': 'Este enlace ya se usó',
  'idp.notice.link.used.body':
    'Cada enlace funciona una sola vez. Si lo usó para bloquear su cuenta, restablezca su contraseña para desbloquearla.',
  'idp.notice.email.subject.email_added': 'Se agregó un correo electrónico a su cuenta',
  'idp.notice.email.lead.email_added':
    'Se confirmó un nuevo correo electrónico en su cuenta. Ahora puede usarse para iniciar sesión.',
  'idp.notice.email.subject.email_removed': 'Se eliminó un correo electrónico de su cuenta',
  'idp.notice.email.lead.email_removed': 'Se eliminó un correo electrónico de su cuenta.',
  'idp.notice.email.subject.agency_revoked': 'Dejó de compartir su información con una agencia',
  'idp.notice.email.lead.agency_revoked':
    'Su cuenta dejó de compartir su información con una agencia (en “Agencias conectadas”, en la página de su cuenta). La agencia tendrá que volver a pedir su consentimiento la próxima vez que usted inicie sesión allí.',
};
