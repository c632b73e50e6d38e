import { fileURLToPath } from 'node:url';

export const IDENTITY_MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
