// One error type for everything a user may see. A check throws; one handler renders.
// `code` is stable (for support and logs), `status` is the HTTP status, and `messageKey`
// names a catalog entry so the text is always translated.
import type { MessageKey } from '../i18n/catalog.ts';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export const badRequest = (messageKey: MessageKey = 'error.badRequest') =>
  new AppError('E400', 400, messageKey);
export const notFound = () => new AppError('E404', 404, 'error.notFound');
export const forbidden = (messageKey: MessageKey = 'error.forbidden') =>
  new AppError('E403', 403, messageKey);
export const unavailable = (messageKey: MessageKey = 'error.unavailable') =>
  new AppError('E503', 503, messageKey);
