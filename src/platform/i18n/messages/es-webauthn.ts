// Mensajes en español para webauthn: exactamente las claves de en-webauthn.ts.
import type { enWebauthn } from './en-webauthn.ts';

export const esWebauthn: Record<keyof typeof enWebauthn, string> = {};
