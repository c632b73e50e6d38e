// Mensajes en español para security-notices: exactamente las claves de en-security-notices.ts.
import type { enSecurityNotices } from './en-security-notices.ts';

export const esSecurityNotices: Record<keyof typeof enSecurityNotices, string> = {};
