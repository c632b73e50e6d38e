// Mensajes en español para recovery: exactamente las claves de en-recovery.ts.
import type { enRecovery } from './en-recovery.ts';

export const esRecovery: Record<keyof typeof enRecovery, string> = {
  'idp.recovery.forgot.title': '¿Olvidó su contraseña?',
  'idp.recovery.forgot.lead':
    'Escriba el correo electrónico que usa para iniciar sesión. Le enviaremos un enlace para elegir una contraseña nueva.',
  'idp.recovery.forgot.submit': 'Enviar enlace',
  'idp.recovery.forgot.backToSignIn': 'Volver a iniciar sesión',
  'idp.recovery.forgot.limited':
    'Ya enviamos muchos correos a esta dirección. Espere {minutes} minutos e inténtelo de nuevo.',

  'idp.recovery.sent.title': 'Revise su correo electrónico',
  'idp.recovery.sent.body':
    'Enviamos un correo a {email}. Si hay una cuenta con esta dirección, el correo tiene un enlace para restablecer su contraseña. El enlace funciona una sola vez, durante {minutes} minutos.',
  'idp.recovery.sent.notReceived': '¿No lo recibió? Revise la carpeta de correo no deseado o',
  'idp.recovery.sent.again': 'envíe otro correo',

  'idp.recovery.newPassword.title': 'Elija una contraseña nueva',
  'idp.recovery.newPassword.lead': 'Elija una contraseña nueva para {email}.',
  'idp.recovery.newPassword.keepsMethods':
    'Sus métodos de autenticación no cambian. Seguirá necesitando uno para iniciar sesión.',
  'idp.recovery.newPassword.password': 'Contraseña nueva',
  'idp.recovery.newPassword.confirm': 'Confirme la contraseña nueva',
  'idp.recovery.newPassword.submit': 'Cambiar la contraseña',
  'idp.recovery.newPassword.signOutNote': 'Por su seguridad, cerraremos todas sus sesiones.',

  'idp.recovery.changed.title': 'Su contraseña cambió',
  'idp.recovery.changed.body': 'Cerramos todas sus sesiones. Inicie sesión con su contraseña nueva.',

  'idp.recovery.link.unknown.title': 'Este enlace no funciona',
  'idp.recovery.link.unknown.body':
    'No encontramos este enlace. Revise que copió el enlace completo del correo, o pida uno nuevo.',
  'idp.recovery.link.expired.title': 'Este enlace caducó',
  'idp.recovery.link.expired.body':
    'Los enlaces para restablecer la contraseña funcionan durante {minutes} minutos. Pida un enlace nuevo y úselo pronto.',
  'idp.recovery.link.used.title': 'Este enlace ya se usó',
  'idp.recovery.link.used.body':
    'Cada enlace funciona una sola vez. Si ya cambió su contraseña, inicie sesión con ella. Si no, pida un enlace nuevo.',
  'idp.recovery.link.replaced.title': 'Este enlace fue reemplazado',
  'idp.recovery.link.replaced.body':
    'Pidió un enlace más reciente, así que este ya no funciona. Use el enlace del correo más reciente, o pida uno nuevo.',
  'idp.recovery.link.sendNew': 'Enviar un enlace nuevo',

  'idp.recovery.reset.title': 'Restablezca su cuenta',
  'idp.recovery.reset.lead':
    'Si no puede usar ninguno de sus métodos de autenticación, puede restablecer su cuenta. Si todavía puede usar alguno, inicie sesión con él.',
  'idp.recovery.reset.stepsTitle': 'Qué pasa después',
  'idp.recovery.reset.step1':
    'Le enviamos un correo enseguida. Si usted no lo pidió, puede cancelar desde ese correo.',
  'idp.recovery.reset.step2': 'Por su seguridad, debe esperar {hours} horas.',
  'idp.recovery.reset.step3':
    'Después elige: eliminar su cuenta, o quitar sus métodos de autenticación y configurar otros nuevos.',
  'idp.recovery.reset.confirmLead':
    'Primero, confirme que es usted con su correo electrónico y su contraseña.',
  'idp.recovery.reset.signedInAs': 'Está restableciendo la cuenta de {email}.',
  'idp.recovery.reset.submit': 'Restablecer mi cuenta',
  'idp.recovery.reset.passwordLimited': 'Demasiados intentos. Espere {minutes} minutos e inténtelo de nuevo.',

  'idp.recovery.requested.title': 'Revise su correo electrónico',
  'idp.recovery.requested.body':
    'Recibimos su solicitud para restablecer su cuenta y enviamos un correo a {email}.',
  'idp.recovery.requested.when': 'Podrá continuar después del {time}. Le enviaremos un correo entonces.',
  'idp.recovery.requested.notYou': 'Si usted no lo pidió, use el enlace para cancelar que está en el correo.',

  'idp.recovery.wait.title': 'Podrá continuar después del {time}',
  'idp.recovery.wait.body':
    'Por su seguridad, debe esperar {hours} horas después de pedir que se restablezca su cuenta. Vuelva a este enlace después del {time}, o espere nuestro correo.',

  'idp.recovery.choose.title': 'Restablezca su cuenta',
  'idp.recovery.choose.lead': 'La espera terminó. Elija qué hacer con la cuenta de {email}.',
  'idp.recovery.choose.methods.title': 'Quitar mis métodos de autenticación',
  'idp.recovery.choose.methods.body':
    'Conserve su cuenta. Quitamos todos sus métodos de autenticación y cerramos todas sus sesiones. La próxima vez que inicie sesión con su contraseña, le pediremos que configure un método nuevo.',
  'idp.recovery.choose.methods.submit': 'Quitar mis métodos',
  'idp.recovery.choose.delete.title': 'Eliminar mi cuenta',
  'idp.recovery.choose.delete.body':
    'Su cuenta y su historial se eliminan para siempre. Las agencias ya no reciben su información desde ella. Los registros que guardan las agencias, como sus registros de impuestos, se quedan con ellas.',

  'idp.recovery.accountLink.unknown.body':
    'No encontramos este enlace. Revise que copió el enlace completo del correo, o haga una solicitud nueva.',
  'idp.recovery.accountLink.expired.body':
    'El enlace para restablecer su cuenta funciona durante {hours} horas después de la espera. Haga una solicitud nueva.',
  'idp.recovery.accountLink.used.body': 'Esta solicitud ya se completó. Cada enlace funciona una sola vez.',
  'idp.recovery.accountLink.cancelled.title': 'Esta solicitud fue cancelada',
  'idp.recovery.accountLink.cancelled.body':
    'Esta solicitud para restablecer la cuenta fue cancelada, así que sus enlaces ya no funcionan. Su cuenta no cambió.',
  'idp.recovery.accountLink.startNew': 'Hacer una solicitud nueva',

  'idp.recovery.cancel.title': '¿Cancelar el restablecimiento de su cuenta?',
  'idp.recovery.cancel.lead':
    'Si usted no pidió restablecer su cuenta, cancele la solicitud. Su cuenta se queda como está.',
  'idp.recovery.cancel.submit': 'Cancelar la solicitud',
  'idp.recovery.cancelled.title': 'Su solicitud fue cancelada',
  'idp.recovery.cancelled.body': 'Su cuenta no cambió.',
  'idp.recovery.cancelled.notYou':
    'Si usted no pidió restablecer la cuenta, alguien podría conocer su contraseña. Cámbiela ahora:',
  'idp.recovery.cancelled.resetPassword': 'Restablecer su contraseña',

  'idp.recovery.methodsRemoved.title': 'Quitamos sus métodos de autenticación',
  'idp.recovery.methodsRemoved.body':
    'Cerramos todas sus sesiones. Inicie sesión con su correo electrónico y su contraseña, y le pediremos que configure un método de autenticación nuevo.',

  'idp.recovery.delete.title': 'Eliminar su cuenta',
  'idp.recovery.delete.warningTitle': 'Esto no se puede deshacer',
  'idp.recovery.delete.warning':
    'Se eliminan su cuenta, sus métodos de inicio de sesión y su historial. Las agencias ya no reciben su información desde ella. Los registros que guardan las agencias, como sus registros de impuestos, se quedan con ellas.',
  'idp.recovery.delete.lead': 'Para eliminar su cuenta, escriba su contraseña.',
  'idp.recovery.delete.wrongPassword': 'Esa contraseña no es correcta. Revísela e inténtelo de nuevo.',
  'idp.recovery.delete.submit': 'Eliminar mi cuenta',
  'idp.recovery.delete.keep': 'Conservar mi cuenta',

  'idp.recovery.deleted.title': 'Su cuenta fue eliminada',
  'idp.recovery.deleted.body':
    'Eliminamos su cuenta y cerramos su sesión. Enviamos una confirmación a su correo electrónico.',
  'idp.recovery.deleted.again': 'Puede crear una cuenta nueva en cualquier momento.',

  'idp.recovery.email.reset.subject': 'Restablezca su contraseña',
  'idp.recovery.email.reset.body':
    'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta. Para elegir una contraseña nueva, abra este enlace dentro de los próximos {minutes} minutos:\n\n{link}\n\nEl enlace funciona una sola vez. Si usted no lo pidió, puede ignorar este mensaje. Su contraseña no cambió.',
  'idp.recovery.email.noAccount.subject': 'Solicitud para restablecer la contraseña',
  'idp.recovery.email.noAccount.body':
    'Alguien pidió restablecer una contraseña para este correo electrónico, pero no hay ninguna cuenta con esta dirección.\n\nSi fue usted, tal vez creó su cuenta con otro correo. O puede crear una cuenta:\n\n{link}\n\nSi no fue usted, puede ignorar este mensaje.',
  'idp.recovery.email.requested.subject': 'Pidió restablecer su cuenta',
  'idp.recovery.email.requested.body':
    'Pidió restablecer su cuenta porque no puede usar ninguno de sus métodos de autenticación.\n\nPor su seguridad, debe esperar {hours} horas. Después del {time}, abra este enlace para continuar:\n\n{continueLink}\n\nTambién le enviaremos un correo cuando pueda continuar. El enlace funciona hasta el {expires}.\n\nSi no fue usted, cancele la solicitud ahora:\n\n{cancelLink}\n\nDespués restablezca su contraseña, porque alguien podría conocerla.',
  'idp.recovery.email.ready.subject': 'Ya puede restablecer su cuenta',
  'idp.recovery.email.ready.body':
    'La espera terminó. Abra este enlace para eliminar su cuenta, o para quitar sus métodos de autenticación y configurar otros nuevos:\n\n{continueLink}\n\nEl enlace funciona hasta el {expires}.\n\nSi usted no pidió restablecer su cuenta, cancele la solicitud ahora:\n\n{cancelLink}',
  'idp.recovery.email.cancelled.subject': 'Se canceló el restablecimiento de su cuenta',
  'idp.recovery.email.cancelled.body':
    'Se canceló la solicitud para restablecer su cuenta. Su cuenta no cambió.\n\nSi usted no pidió restablecerla, alguien podría conocer su contraseña. Restablézcala desde la página de inicio de sesión.',
  'idp.recovery.email.deleted.subject': 'Su cuenta fue eliminada',
  'idp.recovery.email.deleted.body':
    'Su cuenta fue eliminada. Ya no puede iniciar sesión con ella y las agencias ya no reciben su información desde ella. Los registros que guardan las agencias, como sus registros de impuestos, no cambian.\n\nPuede crear una cuenta nueva en cualquier momento.\n\nSi usted no eliminó su cuenta, alguien conocía su contraseña y podía leer su correo. Cambie la contraseña de su correo electrónico.',
};
