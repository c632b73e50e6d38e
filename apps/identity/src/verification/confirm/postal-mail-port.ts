// The postal-mail port of "confirm your address by mail": the identity-verification flow posts a
// letter with a one-time code to the address the person gave, and they type the code in.
//
// A real print-and-mail vendor plugs in behind PostalMailSender (render the letter, hand it to
// the vendor's API, return the vendor's tracking reference). In development the outbox adapter
// (./outbox-postal-mail.ts) keeps the letter as a PDF on /dev/outbox instead.

/** A letter to post. Everything in it is personal data: never log it. */
export interface Letter {
  kind: 'address_confirmation';
  recipientName: string;
  address: { street: string; city: string; state: string; postalCode: string };
  /** The one-time code, as issued (grouping for print is the renderer's job). */
  code: string;
  expiresAt: Date;
  locale: 'en' | 'es';
}

export interface PostalMailSender {
  /** The adapter's name, for logs and health pages (e.g. 'dev-outbox'). */
  readonly name: string;
  /** Hands the letter over for printing and posting; resolves with the sender's reference for it. */
  send(letter: Letter): Promise<{ reference: string }>;
}

/** The address on one line, e.g. "12 Elm St, Springfield, IL 62701". */
export function addressOneLine(address: Letter['address']): string {
  return `${address.street}, ${address.city}, ${address.state} ${address.postalCode}`;
}

/** The code as printed and typed: groups of 4 joined by "-" ("ABCD-EFGH"); spaces and dashes in the input are dropped. */
export function groupedCode(code: string): string {
  const compact = code.replace(/[\s-]/g, '');
  return compact.match(/.{1,4}/g)?.join('-') ?? '';
}
