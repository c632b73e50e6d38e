// Mensajes en español para recovery: exactamente las claves de en-recovery.ts.
import type { enRecovery } from './en-recovery.ts';

export const esRecovery: Record<keyof typeof enRecovery, string> = {};
