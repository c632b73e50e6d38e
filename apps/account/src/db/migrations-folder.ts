import { fileURLToPath } from 'node:url';

export const ACCOUNT_MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
