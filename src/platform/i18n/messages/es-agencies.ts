// Mensajes en español para agencies: exactamente las claves de en-agencies.ts.
import type { enAgencies } from './en-agencies.ts';

export const esAgencies: Record<keyof typeof enAgencies, string> = {
  'idp.agencies.attribute.openid':
    'Un identificador único para usted en esta agencia (no se comparte con otras agencias)',
  'idp.agencies.attribute.email': 'Su correo electrónico',
  'idp.agencies.attribute.profileName': 'Su nombre',
  'idp.agencies.attribute.profileBirthdate': 'Su fecha de nacimiento',
  'idp.agencies.attribute.profile': 'Su nombre y fecha de nacimiento',
  'idp.agencies.attribute.address': 'Su dirección',
  'idp.agencies.attribute.phone': 'Su número de teléfono',
  'idp.agencies.attribute.socialSecurityNumber': 'Su número de Seguro Social o ITIN',
  'idp.agencies.onceVerified': '(cuando verifique su identidad)',

  'idp.consent.remembered':
    'Si acepta, recordaremos su decisión durante un año, así que {agency} no se lo volverá a preguntar cada vez que inicie sesión.',
  'idp.consent.revokeWhere':
    'Puede dejar de compartir en cualquier momento en “Agencias conectadas”, en la página de su cuenta.',

  'idp.agencies.title': 'Agencias conectadas',
  'idp.agencies.lead':
    'Usted aceptó compartir información con estas agencias. Cada una la recibe cuando usted inicia sesión allí con esta cuenta.',
  'idp.agencies.none': 'No está compartiendo su información con ninguna agencia.',
  'idp.agencies.receives': 'Lo que recibe',
  'idp.agencies.grantedAt': 'Consentimiento dado',
  'idp.agencies.expiresAt': 'El consentimiento vence',
  'idp.agencies.lastSignIn': 'Último inicio de sesión',
  'idp.agencies.never': 'Nunca',
  'idp.agencies.revoke': 'Revocar',
  'idp.agencies.revoked':
    'Dejó de compartir su información con {agency}. La agencia tendrá que volver a pedírsela la próxima vez.',

  'idp.agencies.confirm.title': '¿Dejar de compartir con {agency}?',
  'idp.agencies.confirm.lead': '{agency} ya no recibirá esta información de su cuenta:',
  'idp.agencies.confirm.askAgain':
    'La agencia tendrá que volver a pedírsela la próxima vez. Lo que ya compartió con ella se queda en la agencia.',
  'idp.agencies.confirm.submit': 'Revocar',
  'idp.agencies.confirm.cancel': 'Seguir compartiendo',
};
