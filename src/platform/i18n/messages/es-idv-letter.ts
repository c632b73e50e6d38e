// Mensajes en español para la carta de confirmación de dirección: exactamente las claves de en-idv-letter.ts.
import type { enIdvLetter } from './en-idv-letter.ts';

export const esIdvLetter: Record<keyof typeof enIdvLetter, string> = {
  'idv.letter.pdfTitle': 'Confirme su dirección — {provider}',
  'idv.letter.senderLine': 'Verificación de identidad',
  'idv.letter.title': 'Confirme su dirección',
  'idv.letter.greeting': 'Estimado(a) {name}:',
  'idv.letter.intro':
    'Alguien le pidió a {provider} verificar su identidad con esta dirección. Si fue usted, escriba el código de confirmación que aparece abajo para terminar. Así demuestra que recibe correo en esta dirección.',
  'idv.letter.codeLabel': 'Su código de confirmación',
  'idv.letter.expires':
    'Este código vence el {date}. Después de esa fecha, tendrá que pedir una carta nueva.',
  'idv.letter.howHeading': 'Cómo usar su código',
  'idv.letter.howStep1': 'Vaya a {url} e inicie sesión.',
  'idv.letter.howStep2': 'Escriba el código de confirmación tal como aparece arriba.',
  'idv.letter.notYouHeading': '¿No lo pidió usted?',
  'idv.letter.notYouBody':
    'Si usted no pidió verificar su identidad, no escriba el código ni se lo dé a nadie. Informe sobre esta carta a {provider}. Nadie puede terminar la verificación con esta dirección sin el código.',
  'idv.letter.neverAsks':
    '{provider} nunca le pide su contraseña, códigos ni otros datos de inicio de sesión por correo electrónico, mensaje de texto o llamada telefónica. Escriba este código solamente en la dirección web del paso 1.',
  'idv.letter.signOff': 'Atentamente,',
  'idv.letter.footer': '{provider} envió esta carta el {date}. Guárdela hasta que haya escrito su código.',
};
